"""The bilingual glossary: every term of the course in English and in the notes' Chinese, with one line of
explanation in each and the demo that shows it."""
from __future__ import annotations

from dataclasses import dataclass

from .chapters import Demo
from .text import Text


@dataclass(frozen=True)
class Term:
    en: str
    zh: str
    explanation: Text
    demo: Demo | None = None

    def name(self, lang: str) -> str:
        return self.zh if lang == "zh_CN" else self.en


def _g(en: str, zh: str, en_line: str, zh_line: str, demo: Demo | None = None) -> Term:
    return Term(en, zh, Text(en_line, zh_line), demo)


_LAB = lambda title: Demo("lab", title)  # noqa: E731
_PRESET = lambda name, dataset="": Demo("preset", name, dataset)  # noqa: E731

GLOSSARY: tuple[Term, ...] = (
    _g("neuron (MCP model)", "神经元（MCP模型）", "A weighted sum of the inputs compared with a threshold.",
       "输入的加权和与阈值比较。", _LAB("MCP neuron")),
    _g("threshold", "阈值", "The value the weighted sum must reach for the neuron to fire.",
       "加权和必须达到的值，神经元才会被激活。", _LAB("MCP neuron")),
    _g("Hebb's rule", "赫布理论", "A connection grows when the cells on both sides are active together.",
       "两侧神经元同时激活时连接增强。", _LAB("Hebb's rule")),
    _g("perceptron", "感知机", "One learned neuron: a weighted sum plus a bias, one straight decision line.",
       "一个可学习的神经元：加权和加偏置，一条直线决策边界。", _PRESET("perceptron", "gates-and")),
    _g("linearly separable", "线性可分", "Two classes that one straight line (a hyperplane) can split.",
       "能被一条直线（超平面）分开的两类。", _PRESET("perceptron", "gates-xor")),
    _g("multilayer perceptron (MLP)", "多层感知机", "Fully connected layers with a non-linear activation between "
       "them; no feedback.", "全连接层之间有非线性激活函数；没有反馈连接。", _PRESET("mlp", "gates-xor")),
    _g("hidden layer", "隐藏层", "A layer between input and output whose values no one labels.",
       "输入和输出之间的层，其值没有标注。", _PRESET("mlp", "gates-xor")),
    _g("activation function", "激活函数", "The non-linear function applied to each neuron's sum (sigmoid, tanh, "
       "ReLU).", "作用在每个神经元加权和上的非线性函数（sigmoid、tanh、ReLU）。", _LAB("Activation functions")),
    _g("softmax", "Softmax函数", "Turns scores into positive probabilities that sum to 1.",
       "把分数变成和为1的正概率。", _LAB("Softmax")),
    _g("loss function", "损失函数", "A number that says how wrong the predictions are; training lowers it.",
       "衡量预测有多错误的数值；训练就是降低它。", _LAB("Loss functions")),
    _g("mean squared error (MSE)", "均方误差", "The average of the squared differences between prediction and "
       "target.", "预测与目标之差的平方的平均值。", _LAB("Loss functions")),
    _g("cross-entropy", "交叉熵", "Minus the log of the probability given to the true class.",
       "真实类别所得概率的负对数。", _LAB("Loss functions")),
    _g("gradient descent", "梯度下降", "Move the parameters a small step against the gradient of the loss.",
       "沿损失梯度的反方向把参数移动一小步。", _LAB("Gradient descent")),
    _g("learning rate (step size)", "学习率（步长）", "How far each gradient step moves the parameters.",
       "每次梯度更新参数移动的距离。", _LAB("Gradient descent")),
    _g("error backpropagation", "误差反向传播", "The chain rule applied layer by layer from the loss back to every "
       "weight.", "从损失开始逐层应用链式法则，求出每个权重的梯度。", _LAB("Backpropagation")),
    _g("chain rule", "链式法则", "The derivative of a composition is the product of the derivatives along the "
       "path.", "复合函数的导数等于路径上各导数的乘积。", _LAB("Backpropagation")),
    _g("convolution (Conv2D)", "卷积", "A small kernel slid over the image, a weighted sum at each place.",
       "小卷积核在图像上滑动，在每个位置计算加权和。", _LAB("Convolution")),
    _g("convolution kernel", "卷积核", "The small grid of weights a convolution slides over its input.",
       "卷积在输入上滑动的小权重网格。", _LAB("Convolution")),
    _g("feature map", "特征图", "The output of one kernel over the whole input.", "一个卷积核作用于整个输入的输出。",
       _PRESET("cnn", "mnist")),
    _g("Gaussian blur", "高斯模糊", "Convolution with a Gaussian kernel: each pixel becomes a weighted average of "
       "its neighbours.", "用高斯核卷积：每个像素变成邻域的加权平均。", _LAB("Convolution")),
    _g("padding", "填充（Padding）", "Extra border pixels so the kernel also fits at the edges.",
       "在边缘补充像素，使卷积核在边缘也能放下。", _LAB("Convolution")),
    _g("stride", "步长（Striding）", "How many pixels the kernel moves between positions.",
       "卷积核每次移动的像素数。", _LAB("Convolution")),
    _g("pooling (MaxPooling2D)", "池化", "Summarise each small window by its maximum or average.",
       "用每个小窗口的最大值或平均值来概括它。", _LAB("Convolution")),
    _g("receptive field", "感受野", "The region of the input that one output pixel depends on.",
       "一个输出像素所依赖的输入区域。", _LAB("Receptive field")),
    _g("regularisation", "正则化", "Anything that makes a network fit less to noise and generalise better.",
       "任何让网络少拟合噪声、泛化更好的方法。", _LAB("Overfitting demo")),
    _g("overfitting", "过拟合", "Training loss keeps falling while validation loss rises.",
       "训练损失持续下降而验证损失上升。", _LAB("Overfitting demo")),
    _g("Dropout", "Dropout（随机失活）", "Switch off a random share of units at each training step.",
       "每个训练步随机关闭一部分单元。", _LAB("Overfitting demo")),
    _g("batch normalisation (BatchNormalization)", "批归一化", "Rescale each layer's inputs to zero mean and unit "
       "variance over the batch.", "把每层的输入按批量归一化为零均值、单位方差。", _LAB("Overfitting demo")),
    _g("global average pooling", "全局平均池化", "Average each feature map to one number.",
       "把每张特征图平均成一个数。", _PRESET("cnn", "mnist")),
    _g("fully connected layer (Dense)", "全连接层", "Every output is a weighted sum of every input.",
       "每个输出都是所有输入的加权和。", _PRESET("mlp", "gates-xor")),
    _g("convolutional neural network (CNN)", "卷积神经网络", "Layers of convolution and pooling that learn image "
       "features.", "由卷积和池化层组成、能学习图像特征的网络。", _PRESET("cnn", "mnist")),
    _g("shallow learning", "浅层学习", "Hand-designed features, then a learned classifier: learning in stages.",
       "人工设计特征，再学习分类器：分段学习。", _PRESET("shallow", "digit-features")),
    _g("end-to-end learning", "端到端学习", "One network learns from raw input to answer, features included.",
       "一个网络从原始输入学到输出，包括特征。", _PRESET("cnn", "mnist")),
    _g("recurrent neural network (SimpleRNN)", "循环神经网络", "Reads a sequence step by step, carrying a hidden "
       "state.", "逐步读取序列，并携带隐状态。", _PRESET("rnn", "sentiment")),
    _g("hidden state", "隐状态", "What a recurrent network remembers of the sequence so far.",
       "循环网络对目前为止序列的记忆。", _PRESET("rnn", "sentiment")),
    _g("backpropagation through time (BPTT)", "随时间反向传播", "Backpropagation through the unrolled sequence.",
       "在按时间展开的序列上做反向传播。", _PRESET("rnn", "memory-50")),
    _g("vanishing gradient", "梯度消失", "Gradients shrink as they pass back through many layers or steps.",
       "梯度穿过很多层或时间步时不断缩小。", _PRESET("rnn", "memory-50")),
    _g("exploding gradient", "梯度爆炸", "Gradients grow without bound as they pass back through many steps.",
       "梯度穿过很多时间步时无限增大。", _PRESET("rnn", "memory-50")),
    _g("long short-term memory (LSTM)", "长短时记忆网络", "A recurrent unit with a memory cell and input, forget "
       "and output gates.", "带有记忆单元以及输入门、遗忘门、输出门的循环单元。", _PRESET("lstm", "memory-50")),
    _g("forget gate", "遗忘门", "Decides how much of the memory cell to keep.", "决定保留多少记忆单元内容。",
       _PRESET("lstm", "memory-50")),
    _g("gated recurrent unit (GRU)", "门控循环单元", "A recurrent unit with an update gate and a reset gate.",
       "带有更新门和重置门的循环单元。", _PRESET("gru", "memory-50")),
    _g("generative adversarial network (GAN)", "生成对抗网络", "A generator and a discriminator trained against "
       "each other.", "生成器和判别器相互对抗地训练。", _PRESET("gan", "mnist")),
    _g("generator", "生成器", "Turns random noise into samples.", "把随机噪声变成样本。", _PRESET("gan", "mnist")),
    _g("discriminator", "判别器", "Tells real samples from generated ones.", "区分真实样本和生成样本。",
       _PRESET("gan", "mnist")),
    _g("Wasserstein GAN (critic)", "WassersteinGAN（评价器）", "A GAN whose critic scores samples without a "
       "sigmoid or log; weights are clipped.", "评价器不用sigmoid和log给样本打分的GAN；权重被裁剪。",
       _PRESET("wgan", "mnist")),
    _g("conditional GAN (cGAN)", "条件生成对抗网络", "Both players also receive the label.",
       "两个网络都额外得到标签。", _PRESET("cgan", "mnist")),
    _g("variational autoencoder (VAE)", "变分自编码器", "An autoencoder whose codes follow a probability "
       "distribution.", "编码服从概率分布的自编码器。", _PRESET("vae", "mnist")),
    _g("latent space", "潜在空间", "The space of codes a generator or decoder turns into samples.",
       "生成器或解码器把其中的编码变成样本的空间。", _PRESET("vae", "mnist")),
    _g("bag of words", "词袋模型", "A text as counts of words, each word its own axis.",
       "把文本表示为词的计数，每个词一个维度。", _PRESET("cbow", "corpus-groups")),
    _g("word vector (Embedding)", "词向量", "A dense vector per word; similar words get similar vectors.",
       "每个词一个稠密向量；相似的词得到相似的向量。", _PRESET("skipgram", "corpus-groups")),
    _g("CBOW", "连续词袋模型（CBOW）", "Predict a word from the average of its neighbours' vectors.",
       "由邻近词向量的平均预测中心词。", _PRESET("cbow", "corpus-groups")),
    _g("skip-gram", "跳字模型（skip-gram）", "Predict the neighbours from one word.", "由一个词预测其邻近词。",
       _PRESET("skipgram", "corpus-groups")),
    _g("negative sampling", "负采样", "Score real pairs above a few random impostor pairs.",
       "让真实词对的得分高于几个随机的负样本词对。", _PRESET("skipgram", "corpus-groups")),
    _g("object localisation", "目标定位", "Say what the object is and where: a class and a bounding box.",
       "给出物体是什么以及在哪里：类别和边框。", _PRESET("localize", "localize")),
    _g("intersection over union (IoU)", "交并比（IoU）", "Overlap of two boxes divided by the area they cover "
       "together.", "两个框的重叠面积除以它们共同覆盖的面积。", _PRESET("localize", "localize")),
    _g("epoch", "轮（epoch）", "One pass over the whole training set.", "完整遍历一次训练集。"),
    _g("batch", "批量（batch）", "The examples used for one gradient step.", "一次梯度更新所用的样本。"),
)

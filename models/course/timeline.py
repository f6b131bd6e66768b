"""The history of neural networks, 1943-2018, from the notes' history section, each entry in our own words.

An entry with a demo opens it (a lab or a preset, see chapters.Demo); the rest are context.
"""
from __future__ import annotations

from dataclasses import dataclass

from .chapters import Demo
from .text import Text


@dataclass(frozen=True)
class Event:
    year: int
    title: Text
    sentence: Text
    demo: Demo | None = None


def _e(year: int, en_title: str, zh_title: str, en: str, zh: str, demo: Demo | None = None) -> Event:
    return Event(year, Text(en_title, zh_title), Text(en, zh), demo)


TIMELINE: tuple[Event, ...] = (
    _e(1943, "The MCP neuron", "MCP神经元",
       "McCulloch and Pitts describe a neuron as a threshold unit: binary inputs, fixed weights, fire or not.",
       "McCulloch和Pitts把神经元描述为阈值单元：二值输入、固定权重、激活或不激活。",
       Demo("lab", "MCP neuron")),
    _e(1949, "Hebb's rule", "赫布理论",
       "Hebb proposes that a connection strengthens when the cells on both sides are repeatedly active together.",
       "赫布提出：两侧的神经元反复同时激活时，它们之间的连接会增强。",
       Demo("lab", "Hebb's rule")),
    _e(1958, "The perceptron", "感知机",
       "Rosenblatt's perceptron learns its weights from examples and provably separates any linearly "
       "separable classes (first described in 1957).",
       "Rosenblatt的感知机从样本中学习权重，可以证明它能分开任何线性可分的两类（1957年首次提出）。",
       Demo("preset", "perceptron", "gates-and")),
    _e(1959, "Orientation-selective cells", "方向选择性细胞",
       "Hubel and Wiesel find neurons in the visual cortex that answer edges of one orientation: vision works "
       "in layers, the idea convolutional networks copy.",
       "Hubel和Wiesel在视觉皮层中发现只对某一方向的边缘有反应的神经元：视觉是分层处理的，卷积网络借鉴了这一思想。",
       Demo("lab", "Convolution")),
    _e(1969, "The XOR critique", "异或问题的批评",
       "Minsky and Papert show that a single-layer perceptron cannot compute XOR; interest in neural networks "
       "fades for a decade.",
       "Minsky和Papert指出单层感知机无法实现异或；此后十年神经网络研究陷入低谷。",
       Demo("preset", "perceptron", "gates-xor")),
    _e(1980, "The Neocognitron", "新认知机（Neocognitron）",
       "Fukushima cascades layers of filters and pooling into a shift-tolerant network, the forerunner of CNNs.",
       "福岛邦彦把滤波层和池化层级联成一个对平移不敏感的网络，这是卷积神经网络的前身。",
       Demo("lab", "Receptive field")),
    _e(1986, "Backpropagation", "误差反向传播",
       "Rumelhart, Hinton and Williams popularise error backpropagation (first proposed by Werbos), which "
       "trains the hidden layers of a multilayer perceptron.",
       "Rumelhart、Hinton和Williams推广了误差反向传播算法（最早由Werbos提出），解决了多层感知机隐藏层的训练问题。",
       Demo("lab", "Backpropagation")),
    _e(1997, "LSTM", "长短时记忆网络",
       "Hochreiter and Schmidhuber add a memory cell and gates to the recurrent network, so gradients survive "
       "long sequences.",
       "Hochreiter和Schmidhuber给循环网络加入记忆单元和门控，使梯度能在长序列中保持。",
       Demo("preset", "lstm", "memory-50")),
    _e(1998, "LeNet-5", "卷积网络LeNet-5",
       "LeCun and colleagues read handwritten digits with convolution and pooling layers, fixing the basic shape "
       "of the CNN.",
       "LeCun等人用卷积层和池化层识别手写数字，初步确立了卷积神经网络的基本结构。",
       Demo("preset", "lenet5", "mnist")),
    _e(2006, "Deep belief networks", "深度信念网络",
       "Hinton trains deep networks layer by layer and beats shallow models such as support vector machines, "
       "and deep architectures draw attention again.",
       "Hinton逐层训练深度网络，性能超过支持向量机等浅层模型，深度结构重新受到关注。",
       Demo("preset", "shallow", "digit-features")),
    _e(2012, "AlexNet", "深度卷积网络AlexNet",
       "A deep CNN trained on GPUs wins the ImageNet challenge by a wide margin, with ReLU and dropout.",
       "一个在GPU上训练的深度卷积网络以很大优势赢得ImageNet比赛，使用了ReLU和Dropout。",
       Demo("preset", "cnn", "mnist")),
    _e(2013, "word2vec", "词向量（word2vec）",
       "Mikolov and colleagues learn word vectors with CBOW and skip-gram: words in similar contexts get "
       "similar vectors.",
       "Mikolov等人用CBOW和skip-gram学习词向量：上下文相似的词得到相似的向量。",
       Demo("preset", "skipgram", "corpus-groups")),
    _e(2013, "Variational autoencoders", "变分自编码器",
       "Kingma and Welling train an autoencoder whose codes follow a probability distribution, so new samples "
       "can be drawn.",
       "Kingma和Welling训练一种编码服从概率分布的自编码器，从而可以采样生成新样本。",
       Demo("preset", "vae", "mnist")),
    _e(2014, "GAN", "生成对抗网络",
       "Goodfellow and colleagues set a generator against a discriminator in a zero-sum game.",
       "Goodfellow等人让生成器和判别器进行零和博弈。",
       Demo("preset", "gan", "mnist")),
    _e(2014, "GRU and conditional GANs", "门控循环单元与条件生成对抗网络",
       "Cho and colleagues simplify the LSTM to two gates (GRU); Mirza and Osindero give both GAN players the "
       "label (cGAN).",
       "Cho等人把LSTM简化为两个门（GRU）；Mirza和Osindero让GAN的两个网络都得到标签（条件GAN）。",
       Demo("preset", "gru", "memory-50")),
    _e(2017, "Wasserstein GAN", "Wasserstein生成对抗网络",
       "Arjovsky, Chintala and Bottou replace the discriminator by a critic that estimates the Wasserstein "
       "distance, making GAN training steadier.",
       "Arjovsky、Chintala和Bottou用估计Wasserstein距离的评价器代替判别器，使GAN训练更稳定。",
       Demo("preset", "wgan", "mnist")),
    _e(2018, "BERT", "预训练语言模型BERT",
       "Devlin and colleagues pre-train a bidirectional Transformer on unlabelled text and fine-tune it for "
       "many language tasks (not in this app: it needs far more data and computing).",
       "Devlin等人在无标注文本上预训练双向Transformer，再针对多种语言任务微调（本应用不包含：它需要多得多的数据和算力）。"),
)

"""The course: the notes' chapters in their order, each opening the demo that shows its idea.

Every row of shared/seed/CONCEPTS.md is named by number in `concepts`, so a test can prove that the whole table
is reachable from the course. A demo is a lab (by its title), a preset (with the dataset it should use), the
history timeline or the glossary; the window opens it in one click and the CLI prints what it opens.
"""
from __future__ import annotations

from dataclasses import dataclass

from .text import Text

DEMO_KINDS: tuple[str, ...] = ("lab", "preset", "timeline", "glossary")
# The labs' names in the notes' Chinese, for the Chinese syllabus (the key is the lab's title in the window).
LAB_NAMES_ZH: dict[str, str] = {
    "MCP neuron": "MCP神经元", "Hebb's rule": "赫布理论", "Activation functions": "激活函数", "Softmax": "Softmax函数",
    "Loss functions": "损失函数", "Gradient descent": "梯度下降", "Backpropagation": "误差反向传播",
    "Convolution": "卷积与池化", "Receptive field": "感受野", "Try it: draw a digit": "动手写一个数字",
    "Overfitting demo": "过拟合与正则化",
}


@dataclass(frozen=True)
class Demo:
    kind: str  # one of DEMO_KINDS
    target: str = ""  # the lab's title or the preset's name
    dataset: str = ""  # for a preset: the dataset to load it with ("" = the preset's default)

    def describe(self, lang: str = "en") -> str:
        zh = lang == "zh_CN"
        if self.kind == "lab":
            return f"实验: {LAB_NAMES_ZH.get(self.target, self.target)}" if zh else f"lab: {self.target}"
        if self.kind == "preset":
            dataset = f" --dataset {self.dataset}" if self.dataset else ""
            return ("预设网络: " if zh else "preset: ") + self.target + dataset
        if self.kind == "timeline":
            return "历史时间线" if zh else "the history timeline"
        return "术语表" if zh else "the glossary"


@dataclass(frozen=True)
class Chapter:
    key: str
    concepts: tuple[int, ...]  # rows of CONCEPTS.md this chapter makes visible
    title: Text
    demo: Demo
    todo: Text  # what to do in the demo
    notice: Text  # what to look for
    question: Text
    answer: Text  # what the student sees in the demo when the answer is right


def _t(en: str, zh: str) -> Text:
    return Text(en, zh)


CHAPTERS: tuple[Chapter, ...] = (
    Chapter(
        "history", (1,), _t("A short history, 1943-2018", "深度学习的历史发展"), Demo("timeline"),
        _t("Read the timeline from the MCP neuron to BERT and open the demos of the entries that have one.",
           "从MCP神经元到BERT浏览时间线，打开带有演示的条目。"),
        _t("Neural networks were proposed long before they worked well: learning rules (1949, 1958, 1986) came "
           "first, and data and computing power decided when deep networks took over (2006, 2012).",
           "神经网络的思想很早就提出了：学习规则（1949、1958、1986）在先，而数据和算力决定了深度网络何时胜出（2006、2012）。"),
        _t("Which limitation of the single-layer perceptron was pointed out in 1969?",
           "1969年指出了单层感知机的哪个局限？"),
        _t("It cannot compute XOR: no single straight line separates XOR's two classes (the 1969 entry).",
           "它无法实现异或（XOR）：没有一条直线能把异或的两类分开（见1969年条目）。")),
    Chapter(
        "mcp", (2,), _t("The MCP neuron", "神经元：MCP模型"), Demo("lab", "MCP neuron"),
        _t("Load AND, OR and NAND, then change the weights and the threshold by hand.",
           "载入与（AND）、或（OR）、与非（NAND），再手动修改权重和阈值。"),
        _t("The neuron fires when the weighted sum reaches the threshold, so with two inputs it draws one "
           "straight line through the input square.",
           "加权和达到阈值时神经元被激活，所以两个输入时它在输入平面上画出一条直线。"),
        _t("How many of the four XOR rows can one MCP neuron get right at best?",
           "一个MCP神经元最多能让异或真值表的四行中几行正确？"),
        _t("Three of four: the lab's XOR check finds no setting that gets all four.",
           "四行中的三行：实验里的XOR检查找不到能全部正确的设置。")),
    Chapter(
        "hebb", (3,), _t("Hebb's rule", "赫布理论"), Demo("lab", "Hebb's rule"),
        _t("Keep the defaults, then set 'bell with food' to 0, then lower the decay.",
           "先保持默认设置，再把“铃声伴随食物”设为0，然后减小衰减。"),
        _t("Co-activation makes the bell's weight grow until the bell alone fires the neuron; plain Hebb grows "
           "without limit, decay or Oja's normalisation keep it bounded.",
           "共同激活使铃声的权重增长，直到仅铃声就能激活神经元；单纯的赫布规则无限增长，衰减或Oja归一化使其有界。"),
        _t("What happens to the bell's weight when bell and food are never active together?",
           "铃声和食物从不同时出现时，铃声的权重会怎样？"),
        _t("It stays 0 under all three rules: without co-activation nothing is learned.",
           "三种规则下它都保持为0：没有共同激活就没有学习。")),
    Chapter(
        "perceptron", (4,), _t("The perceptron learns a line", "感知机：单层感知机"),
        Demo("preset", "perceptron", "gates-and"),
        _t("Train on AND (F5) and watch the decision boundary; then choose gates-xor and train again.",
           "在AND上训练（F5）并观察决策边界；然后选择gates-xor再训练一次。"),
        _t("Unlike the MCP neuron, the perceptron learns its weights and bias from data; its boundary is still "
           "one straight line.",
           "与MCP不同，感知机从数据中学习权重和偏置；但它的决策边界仍是一条直线。"),
        _t("What accuracy does the perceptron reach on XOR?", "感知机在异或上的准确率是多少？"),
        _t("At most 0.75 (3 of 4 points), never 1.0: no straight line separates XOR.",
           "最多0.75（4个点中的3个），永远达不到1.0：没有直线能分开异或。")),
    Chapter(
        "mlp", (5,), _t("A hidden layer solves XOR", "多层感知机"), Demo("preset", "mlp", "gates-xor"),
        _t("Train the multilayer perceptron on XOR and watch the boundary bend; try moons and circles too.",
           "在异或上训练多层感知机，观察边界弯曲；也试试moons和circles。"),
        _t("The hidden layer's non-linear activation lets the network draw curved boundaries.",
           "隐藏层的非线性激活函数让网络能画出弯曲的边界。"),
        _t("What accuracy does the MLP reach on XOR?", "多层感知机在异或上的准确率是多少？"),
        _t("1.0: all four points on the right side of a curved boundary.", "1.0：四个点都在弯曲边界的正确一侧。")),
    Chapter(
        "shallow-deep", (28,), _t("Shallow versus deep learning", "浅层学习与深度学习的区别"),
        Demo("preset", "shallow", "digit-features"),
        _t("Train 'Shallow learning' (hand-made edge features + a linear classifier), note its test accuracy in "
           "Results, then train the CNN on the same digits.",
           "训练“浅层学习”（人工设计的边缘特征+线性分类器），在结果中记下测试准确率，再在同样的数字上训练CNN。"),
        _t("Staged learning: people design the features and only the classifier learns. End-to-end learning: the "
           "CNN learns its features from the pixels too.",
           "分段学习：特征由人设计，只有分类器是学出来的。端到端学习：CNN连特征也从像素中学习。"),
        _t("Which is more accurate on the test digits, and by roughly how much?",
           "在测试数字上哪个更准确？大约高多少？"),
        _t("The CNN: about 0.97 against about 0.95 for the hand-made features (seed 0).",
           "CNN：约0.97，人工特征约0.95（种子0）。")),
    Chapter(
        "activations", (6,), _t("Activation functions", "激活函数"), Demo("lab", "Activation functions"),
        _t("Compare sigmoid, tanh and ReLU with their derivatives; raise the number of layers in the table.",
           "比较sigmoid、tanh和ReLU及其导数；增大表中的层数。"),
        _t("The sigmoid's derivative is at most 0.25, so a gradient passing through many sigmoid layers shrinks "
           "geometrically.",
           "sigmoid的导数最大为0.25，所以梯度穿过很多sigmoid层时按几何级数缩小。"),
        _t("Through 3 sigmoid layers, at most what fraction of the gradient is left?",
           "经过3个sigmoid层，梯度最多还剩多少？"),
        _t("0.25³ = 0.0156.", "最多剩下 0.25³ = 0.0156。")),
    Chapter(
        "softmax", (7,), _t("Softmax", "Softmax函数"), Demo("lab", "Softmax"),
        _t("Type a few logits and move the temperature slider; add the same number to every logit.",
           "输入几个logit，移动温度滑块；给每个logit加上同一个数。"),
        _t("Softmax turns any scores into positive probabilities that sum to 1; only differences between the "
           "scores matter.",
           "Softmax把任意分数变成和为1的正概率；只有分数之间的差有意义。"),
        _t("What happens to the probabilities when you add 10 to every logit?",
           "每个logit都加10时，概率会怎样？"),
        _t("Nothing: they stay exactly the same.", "不变：完全相同。")),
    Chapter(
        "losses", (8,), _t("Loss functions", "损失函数"), Demo("lab", "Loss functions"),
        _t("Move the predicted probability of the true class and compare MSE with cross-entropy.",
           "移动真实类别的预测概率，比较均方误差和交叉熵。"),
        _t("Cross-entropy punishes a confident wrong answer far more than MSE does, and its gradient with softmax "
           "is simply prediction minus target.",
           "交叉熵对自信的错误惩罚远大于均方误差；与softmax结合时，梯度就是预测减目标。"),
        _t("What is the cross-entropy when the true class gets probability 0.5?",
           "真实类别概率为0.5时，交叉熵是多少？"),
        _t("−ln 0.5 = 0.6931.", "交叉熵为 −ln 0.5 = 0.6931。")),
    Chapter(
        "gradient-descent", (9,), _t("Gradient descent", "梯度下降"), Demo("lab", "Gradient descent"),
        _t("Try the 'too small', 'good' and 'too large' step sizes on each surface.",
           "在每个曲面上试试“太小”“合适”“太大”三种步长。"),
        _t("Each step moves against the gradient; too small a step crawls, too large a step overshoots and "
           "diverges.",
           "每一步都沿负梯度方向移动；步长太小爬得很慢，太大则越过最低点并发散。"),
        _t("What does the path do with the 'too large' step size?", "步长“太大”时路径会怎样？"),
        _t("It diverges: the loss grows and the lab says 'Diverged'.", "发散：损失越来越大，实验显示“Diverged”。")),
    Chapter(
        "backprop", (10,), _t("Backpropagation, step by step", "误差反向传播"), Demo("lab", "Backpropagation"),
        _t("Step through the notes' worked example: the forward values, every partial derivative, one update.",
           "逐步查看讲义中的例子：前向计算的值、每个偏导数和一次更新。"),
        _t("The chain rule reuses each layer's error to compute the layer below it, so all gradients cost about "
           "one backward pass.",
           "链式法则复用每层的误差来计算下一层，所以所有梯度只需大约一次反向计算。"),
        _t("After the one update, is the loss higher or lower than before?", "一次更新后，损失比之前高还是低？"),
        _t("Lower: the summary compares the new loss with the old one.", "更低：摘要比较了新旧损失。")),
    Chapter(
        "convolution", (11, 12, 14, 15), _t("Convolution, blur, padding, stride, pooling",
                                             "卷积、高斯模糊、Padding与Striding、池化"),
        Demo("lab", "Convolution"),
        _t("Apply the edge kernels to a digit, then the Gaussian blur with a larger sigma; change padding and "
           "stride; try max, average and K-max pooling.",
           "对数字应用边缘卷积核，再用更大的sigma做高斯模糊；改变填充和步长；试试最大、平均和K-max池化。"),
        _t("A kernel slides over the image and computes a weighted sum at each place: the feature map. Padding "
           "and stride decide its size: ⌊(n + 2p − k) / s⌋ + 1.",
           "卷积核在图像上滑动，在每个位置计算加权和，得到特征图。填充和步长决定其大小：⌊(n + 2p − k) / s⌋ + 1。"),
        _t("A 28×28 image, a 3×3 kernel, padding 0, stride 2: how wide is the output?",
           "28×28的图像、3×3卷积核、填充0、步长2：输出有多宽？"),
        _t("⌊(28 − 3) / 2⌋ + 1 = 13.", "输出宽度为 ⌊(28 − 3) / 2⌋ + 1 = 13。")),
    Chapter(
        "receptive-field", (13,), _t("The receptive field", "感受野"), Demo("lab", "Receptive field"),
        _t("Load the CNN, pick a pixel in a deep layer and see the input region it depends on.",
           "载入CNN，选择深层的一个像素，查看它依赖的输入区域。"),
        _t("Each 3×3 convolution adds 2 pixels to the receptive field and each pooling doubles the step, so deep "
           "pixels see large parts of the image.",
           "每个3×3卷积让感受野增加2个像素，每次池化让步长加倍，所以深层的像素能看到图像的大部分。"),
        _t("Does a pixel after the last convolution of the CNN see the whole 28×28 digit?",
           "CNN最后一个卷积层之后的一个像素能看到整个28×28的数字吗？"),
        _t("Yes: its receptive field is larger than the image.", "能：它的感受野比图像还大。")),
    Chapter(
        "regularisation", (16,), _t("Regularisation", "正则化"), Demo("lab", "Overfitting demo"),
        _t("Run the demo: the same network trained with and without the regularisation you tick.",
           "运行演示：同一个网络在有无所选正则化的情况下分别训练。"),
        _t("Without regularisation the training loss keeps falling while the validation loss turns up: "
           "overfitting. Dropout, L1/L2 and batch normalisation narrow that gap.",
           "没有正则化时训练损失持续下降而验证损失回升：过拟合。Dropout、L1/L2和批归一化缩小了这个差距。"),
        _t("Which run ends with the smaller gap between training and validation loss?",
           "哪次训练结束时训练损失和验证损失的差距更小？"),
        _t("The regularised one.", "有正则化的那次。")),
    Chapter(
        "cnn", (17,), _t("The notes' CNN on MNIST", "示例代码：卷积神经网络"), Demo("preset", "cnn", "mnist"),
        _t("Train the four-layer CNN and raise the Feature maps tab while it trains.",
           "训练四层CNN，训练时切换到特征图标签页。"),
        _t("First-layer kernels become edge and stroke detectors; deeper maps respond to parts of digits.",
           "第一层卷积核变成边缘和笔画检测器；更深的特征图对数字的局部部件有响应。"),
        _t("What test accuracy does it reach after 5 epochs?", "5轮之后测试准确率是多少？"),
        _t("About 0.97 (Results, after training).", "约0.97（训练后见结果页）。")),
    Chapter(
        "rnn", (18,), _t("Recurrent networks: many-to-one and many-to-many", "循环神经网络"),
        Demo("preset", "rnn", "sentiment"),
        _t("Train the RNN on sentiment (many-to-one), then on tagging (many-to-many); type a sentence in Inside "
           "the RNN.",
           "在sentiment（多对一）上训练RNN，再在tagging（多对多）上训练；在“Inside the RNN”中输入一句话。"),
        _t("The hidden state hₜ = tanh(W xₜ + U hₜ₋₁ + b) carries what was read so far; it is trained by "
           "backpropagation through time.",
           "隐状态 hₜ = tanh(W xₜ + U hₜ₋₁ + b) 记录读到的内容；通过随时间反向传播（BPTT）训练。"),
        _t("In tagging, how many outputs does the network give for a sentence of 6 words?",
           "在tagging任务中，一句6个词的句子网络给出几个输出？"),
        _t("Six: one tag under each word (many-to-many).", "6个：每个词下一个标签（多对多）。")),
    Chapter(
        "vanishing", (19,), _t("Vanishing gradients through time", "梯度消失与梯度爆炸"),
        Demo("preset", "rnn", "memory-50"),
        _t("Train the plain RNN on memory-50 and look at the gradient norm per time step; then the LSTM.",
           "在memory-50上训练普通RNN，查看每个时间步的梯度范数；再训练LSTM。"),
        _t("In the plain RNN the gradient shrinks step by step back through time (log axis), so early tokens "
           "barely change the weights.",
           "普通RNN的梯度随时间向前逐步缩小（对数坐标），所以早期的词几乎不影响权重。"),
        _t("Where is the plain RNN's gradient smallest: at the first or at the last time step?",
           "普通RNN的梯度在哪里最小：第一个时间步还是最后一个？"),
        _t("At the first time step, far from the loss.", "在第一个时间步，离损失最远的地方。")),
    Chapter(
        "lstm", (20,), _t("LSTM: gates and the memory cell", "长短时记忆网络"), Demo("preset", "lstm", "memory-50"),
        _t("Train the LSTM on memory-50 (remember the first token over 50 steps) and look at its gate heatmaps.",
           "在memory-50（在50步内记住第一个词）上训练LSTM，查看门控热力图。"),
        _t("The forget gate stays open to carry the first token in the cell; the cell changes by addition, so "
           "the gradient does not vanish.",
           "遗忘门保持打开，把第一个词保存在记忆单元中；记忆单元以加法更新，所以梯度不会消失。"),
        _t("What accuracy does the LSTM reach on memory-50?", "LSTM在memory-50上的准确率是多少？"),
        _t("1.0 (seeds 0 and 1), where the plain RNN depends on luck.", "1.0（种子0和1），而普通RNN要靠运气。")),
    Chapter(
        "gru", (21,), _t("GRU: two gates", "门控循环单元"), Demo("preset", "gru", "memory-50"),
        _t("Train the GRU on the same task, then run the RNN/LSTM/GRU comparison in Inside the RNN.",
           "在同一任务上训练GRU，然后在“Inside the RNN”中运行RNN/LSTM/GRU比较。"),
        _t("The GRU merges cell and hidden state and uses an update and a reset gate: fewer parameters than the "
           "LSTM, similar accuracy.",
           "GRU合并了记忆单元和隐状态，使用更新门和重置门：参数比LSTM少，准确率相近。"),
        _t("Which has fewer parameters for the same number of units, the GRU or the LSTM?",
           "同样的单元数，GRU和LSTM哪个参数更少？"),
        _t("The GRU: three weight blocks against the LSTM's four.", "GRU：三组权重，LSTM是四组。")),
    Chapter(
        "gan", (22,), _t("Generative adversarial networks", "生成对抗网络"), Demo("preset", "gan", "mnist"),
        _t("Train the GAN and watch the fixed-noise grid and both losses.", "训练GAN，观察固定噪声样本网格和两个损失。"),
        _t("The discriminator learns to tell real from generated digits; the generator learns to fool it "
           "(non-saturating loss). Digits appear out of noise.",
           "判别器学习区分真实和生成的数字；生成器学习骗过判别器（非饱和损失）。数字从噪声中浮现。"),
        _t("Where does D(x) on real digits end up compared with D(G(z)) on generated ones?",
           "真实数字上的D(x)和生成数字上的D(G(z))最后相比如何？"),
        _t("They move closer together as the generator improves, D(x) staying above D(G(z)).",
           "随着生成器变好，两者逐渐靠近，D(x)仍高于D(G(z))。")),
    Chapter(
        "wgan", (23,), _t("Wasserstein GAN", "Wasserstein生成对抗网络"), Demo("preset", "wgan", "mnist"),
        _t("Train the WGAN and watch the critic estimate; change the clipping constant.", "训练WGAN，观察评价器估计值；修改裁剪常数。"),
        _t("The critic has no sigmoid and no log: it outputs a score whose gap between real and generated "
           "estimates the Wasserstein distance; clipping keeps it Lipschitz.",
           "评价器没有sigmoid也没有log：真实与生成样本的分数差估计Wasserstein距离；权重裁剪使其满足Lipschitz条件。"),
        _t("What does the critic estimate do as the samples improve?", "样本变好时评价器估计值会怎样？"),
        _t("It shrinks towards 0.", "它向0缩小。")),
    Chapter(
        "cgan", (24,), _t("Conditional GAN", "条件生成对抗网络"), Demo("preset", "cgan", "mnist"),
        _t("Train the conditional GAN; each row of the grid asks for one digit.", "训练条件GAN；网格的每一行要求生成一个数字。"),
        _t("Both networks also get the label, so the generator learns to draw the digit it is asked for.",
           "两个网络都得到标签，所以生成器学会按要求画出指定的数字。"),
        _t("What does row 3 of the grid show after training?", "训练后网格第3行显示什么？"),
        _t("Threes: every sample in that row is the digit asked for.", "数字3：该行的每个样本都是所要求的数字。")),
    Chapter(
        "vae", (25,), _t("Variational autoencoder", "深度生成学习：变分自编码器"), Demo("preset", "vae", "mnist"),
        _t("Train the VAE and look at the latent map and the decoded latent plane.", "训练VAE，查看潜在空间分布图和解码的潜在空间平面。"),
        _t("The encoder gives a mean and a variance per digit; the KL term keeps the codes close to a standard "
           "normal, so every point of the plane decodes to a digit.",
           "编码器为每个数字给出均值和方差；KL项让编码接近标准正态分布，所以平面上的每个点都能解码成数字。"),
        _t("Do digits of the same class land together in the latent map?", "同一类数字在潜在空间中聚在一起吗？"),
        _t("Yes: each colour forms its own cluster.", "是的：每种颜色形成自己的簇。")),
    Chapter(
        "word2vec", (26,), _t("Word vectors: CBOW and skip-gram", "词向量模型"),
        Demo("preset", "skipgram", "corpus-groups"),
        _t("Train skip-gram and watch the word map organise; ask for neighbours and an analogy; then CBOW.",
           "训练skip-gram，观察词向量图逐渐成形；查询近邻和类比；然后训练CBOW。"),
        _t("A bag of words gives every word its own axis; word2vec learns dense vectors in which words used in "
           "the same contexts lie close together.",
           "词袋模型给每个词一个独立的维度；word2vec学习稠密向量，上下文相似的词在向量空间中靠得很近。"),
        _t("Is each animal's nearest neighbour another animal?", "每种动物的最近邻是另一种动物吗？"),
        _t("Yes: every grouped word's nearest neighbour is in its own group.", "是的：每个分组词的最近邻都在自己的组里。")),
    Chapter(
        "localize", (27,), _t("Classification and localisation", "图像分类和目标定位"),
        Demo("preset", "localize", "localize"),
        _t("Train the localisation network and look at the predicted and true boxes in Results.",
           "训练目标定位网络，在结果中查看预测框和真实框。"),
        _t("One network with two heads: a softmax for the class and four numbers for the box, trained with the "
           "sum of both losses.",
           "一个网络两个输出头：softmax输出类别，四个数输出边框，用两个损失之和训练。"),
        _t("What share of the test boxes overlap the true box with IoU ≥ 0.5?", "测试集中有多少边框与真实框的IoU ≥ 0.5？"),
        _t("Almost all: about 98%.", "几乎全部：约98%。")),
    Chapter(
        "glossary", (), _t("Glossary", "术语表"), Demo("glossary"),
        _t("Look up any term of the course in English and Chinese; each opens its demo.",
           "中英文查询课程中的任何术语；每个术语都能打开对应的演示。"),
        _t("Keras layer names (Dense, Conv2D, LSTM) stay in Latin letters in both languages.",
           "Keras层名（Dense、Conv2D、LSTM）在两种语言中都保持英文。"),
        _t("What is the input region that one output pixel depends on called?",
           "一个输出像素所依赖的输入区域叫什么？"),
        _t("The receptive field (look it up: it opens the Receptive field lab).",
           "感受野（receptive field）：查一下这个术语，它会打开感受野实验。")),
)


def chapter(key: str) -> Chapter:
    for c in CHAPTERS:
        if c.key == key:
            return c
    raise KeyError(f"no chapter {key!r} (chapters: {', '.join(c.key for c in CHAPTERS)})")

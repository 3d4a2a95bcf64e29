<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>Presets</name>
        <message>
            <location filename="../../resources/presets/claims.json" />
            <source>Popular claims, tested live</source>
            <translation>常见说法，现场检验</translation>
        </message>
        <message>
            <location filename="../../resources/presets/claims.json" />
            <source>Five claims heard in tutorials, each measured in the window with a verdict and its evidence: default inits, Linear vs Conv1d(kernel_size=1) speed, stride-2 1x1 convs, the 1x3 then 3x1 factorisation, and the parameter formula. The spec is the speed claim's seed case, Conv1d(8, 32, 1) on 128x8x256.</source>
            <translation>教程里常听到的五种说法，每一种都在窗口中实测，并给出结论和证据：默认初始化、Linear 与 Conv1d(kernel_size=1) 的速度、步长为 2 的 1x1 卷积、先 1x3 后 3x1 的分解，以及参数量公式。当前层配置就是速度说法的基准用例：Conv1d(8, 32, 1)，输入 128x8x256。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/claims.json" />
            <source>“nn.Conv has a better default initialisation than nn.Linear.” Both draw U(±1/√fan_in): at equal fan_in the two histograms are one law (KS test). They differ only when fan_in differs.</source>
            <translation>“nn.Conv 的默认初始化比 nn.Linear 更好。”两者都从 U(±1/√fan_in) 中采样：fan_in 相同时，两个直方图服从同一分布（KS 检验）。只有 fan_in 不同时，它们才有差别。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/claims.json" />
            <source>“Linear is 10× faster than Conv1d(kernel_size=1).” Timed live, same 8,388,608 multiply-adds: a fresh process vs a warm allocator, channels first vs channels last. The gap is page faults and layout.</source>
            <translation>“Linear 比 Conv1d(kernel_size=1) 快 10 倍。”现场计时，乘加次数同为 8,388,608：全新进程对比已预热的内存分配器，通道在前对比通道在后（channels_last）。差距来自缺页异常和内存布局。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/claims.json" />
            <source>“A stride-2 1×1 conv halves the feature map.” Each side becomes ceil(H/2), and 3 of every 4 input positions are never read: it is subsample-then-Linear.</source>
            <translation>“步长为 2 的 1×1 卷积把特征图缩小一半。”每条边变为 ceil(H/2)，而且每 4 个输入位置中有 3 个从未被读取：它就是先下采样、再做 Linear。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/claims.json" />
            <source>“1×3 then 3×1 replaces 3×3.” Fewer weights, same 3×3 field, but only rank-1 kernels with one channel: Sobel yes, Laplacian no. A bias leaks through the padding at the border.</source>
            <translation>“先 1×3 再 3×1 可以代替 3×3。”权重更少，感受野同为 3×3，但单通道时只能得到秩为 1 的卷积核：Sobel 可以，Laplacian 不行。在边界处，偏置还会经由填充泄漏出来。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/claims.json" />
            <source>“Conv params = Cin·k·k·Co + Co.” Right for groups = 1 with a bias (760, 40); without one drop the + Co (750, 30); with groups, Cin is divided by groups.</source>
            <translation>“卷积参数量 = Cin·k·k·Co + Co。”在 groups = 1 且带偏置时成立（760、40）；不带偏置时去掉 + Co（750、30）；分组时，Cin 要除以 groups。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conv1d-k1-vs-linear.json" />
            <source>Conv1d(8, 32, 1) vs Linear(8, 32) on 128x256x8</source>
            <translation>Conv1d(8, 32, 1) 对比 Linear(8, 32)，输入 128x256x8</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conv1d-k1-vs-linear.json" />
            <source>The case behind the claim 'Linear is an order of magnitude faster than Conv1d(kernel_size=1)'. The conv reads 128x8x256 (channels first), the Linear the same data channel-last, 128x256x8. Both do exactly 128*256*8*32 = 8,388,608 multiply-adds with the same 288 parameters; any speed difference is layout and library overhead, not arithmetic (see the benchmark).</source>
            <translation>“Linear 比 Conv1d(kernel_size=1) 快一个数量级”这一说法背后的用例。卷积读取 128x8x256（通道在前），Linear 读取同一份数据但通道在后：128x256x8。两者都恰好做 128*256*8*32 = 8,388,608 次乘加，参数同为 288 个；任何速度差异都来自内存布局和库的开销，而不是计算量（见基准测试）。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conv1d-k1-vs-linear.json" />
            <source>Conv1d(8, 32, kernel_size=1) and Linear(8, 32): the same 32×8 weights and 32 biases, 288 parameters.</source>
            <translation>Conv1d(8, 32, kernel_size=1) 与 Linear(8, 32)：同样的 32×8 权重和 32 个偏置，共 288 个参数。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conv1d-k1-vs-linear.json" />
            <source>At each of the 256 positions, the kernel reads the 8 channel values: one dot product per output channel.</source>
            <translation>在 256 个位置中的每一个上，卷积核都读取 8 个通道的值：每个输出通道做一次点积。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conv1d-k1-vs-linear.json" />
            <source>The outputs agree up to float rounding: both paths do the same 8,388,608 multiply-adds, in different orders.</source>
            <translation>两者的输出在浮点舍入误差内一致：两条路径做的是同样的 8,388,608 次乘加，只是顺序不同。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conv1d-k1-vs-linear.json" />
            <source>'Linear is 10× faster than Conv1d(kernel_size=1)'? Press Run: any gap is memory layout and library overhead, not arithmetic.</source>
            <translation>“Linear 比 Conv1d(kernel_size=1) 快 10 倍”？点击“运行”：任何差距都来自内存布局和库的开销，而不是计算量。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conv2d-doc-example.json" />
            <source>The PyTorch docs' Conv2d example</source>
            <translation>PyTorch 文档中的 Conv2d 示例</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conv2d-doc-example.json" />
            <source>nn.Conv2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2), dilation=(3, 1)) on a 20x16x50x100 input, from the Conv2d documentation. Height: floor((50 + 2*4 - 3*(3-1) - 1)/2 + 1) = 26; width: floor((100 + 2*2 - 1*(5-1) - 1)/1 + 1) = 100. Its dense Toeplitz matrix would need 80,000 x 85,800 entries (27 GB in float32), so it is shown through unfold (im2col).</source>
            <translation>来自 Conv2d 文档的 nn.Conv2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2), dilation=(3, 1))，输入为 20x16x50x100。高：floor((50 + 2*4 - 3*(3-1) - 1)/2 + 1) = 26；宽：floor((100 + 2*2 - 1*(5-1) - 1)/1 + 1) = 100。它的稠密 Toeplitz 矩阵需要 80,000 x 85,800 个元素（float32 下 27 GB），所以这里通过 unfold（im2col）来展示。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conv2d-doc-example.json" />
            <source>The PyTorch docs' example, nn.Conv2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2), dilation=(3, 1)): height floor((50 + 8 − 6 − 1)/2 + 1) = 26.</source>
            <translation>PyTorch 文档中的示例 nn.Conv2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2), dilation=(3, 1))：高为 floor((50 + 8 − 6 − 1)/2 + 1) = 26。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conv2d-doc-example.json" />
            <source>Dilation 3 spreads the 3 kernel rows 3 apart: a 7×5 receptive field. Taps on the padding read zeros.</source>
            <translation>膨胀为 3，让卷积核的 3 行彼此相隔 3：感受野为 7×5。落在填充上的卷积核位置读到的都是 0。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conv2d-doc-example.json" />
            <source>Unfold (im2col) turns each receptive field into a column of 16·3·5 = 240 values: the conv is Linear(240, 33) applied to every column.</source>
            <translation>unfold（im2col）把每个感受野展开成一列 16·3·5 = 240 个值：卷积就是对每一列应用 Linear(240, 33)。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/conv2d-doc-example.json" />
            <source>The same outputs up to rounding. The dense Toeplitz matrix would need 27 GB; unfold is how a conv runs as one matrix product.</source>
            <translation>输出在舍入误差内相同。稠密的 Toeplitz 矩阵需要 27 GB；unfold 正是让卷积以一次矩阵乘法运行的方法。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>A 1x3 then 3x1 pair vs one 3x3 conv</source>
            <translation>先 1x3 后 3x1 的两层卷积对比一个 3x3 卷积</translation>
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>Conv2d(64, 64, 3x3, padding=1) has 64*3*3*64 + 64 = 36,928 parameters. Factorised into a 1x3 conv followed by a 3x1 conv (each 64*3*64 + 64 = 12,352) it has 24,704, two thirds of the weights and of the MACs, with the same 3x3 receptive field. The pair is a rank-restricted 3x3: not every 3x3 kernel can be written that way.</source>
            <translation>Conv2d(64, 64, 3x3, padding=1) 有 64*3*3*64 + 64 = 36,928 个参数。分解为一个 1x3 卷积接一个 3x1 卷积后（各 64*3*64 + 64 = 12,352 个），共 24,704 个：权重和 MACs 都是原来的三分之二，感受野同为 3x3。这对卷积相当于秩受限的 3x3：并非每个 3x3 卷积核都能这样写出。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>1x3 then 3x1 (the pair)</source>
            <translation>先 1x3 再 3x1（两层合计）</translation>
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>One 3×3 conv, 64 → 64 channels: 36,928 parameters. A 1×3 conv then a 3×1 conv: 2 × 12,352 = 24,704, two thirds.</source>
            <translation>一个 3×3 卷积，64 → 64 通道：36,928 个参数。先 1×3 卷积再 3×1 卷积：2 × 12,352 = 24,704，是原来的三分之二。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>Each 3×3 kernel has 9 free numbers per channel pair. The pair cannot make every such kernel: see the Claims story.</source>
            <translation>对每一对通道，3×3 卷积核有 9 个自由的数。这对卷积无法构造出所有这样的卷积核：见“常见说法”讲解。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>The receptive field stays 3×3: the 1×3 covers three columns of a row, the 3×1 stacks three such rows.</source>
            <translation>感受野仍是 3×3：1×3 覆盖一行中的三列，3×1 再把三行这样的结果叠在一起。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>The multiply-adds drop by the same third: 2·64·3 instead of 64·9 per output value and channel.</source>
            <translation>乘加次数同样降到三分之二：每个输出值、每个通道需要 2·64·3 次，而不是 64·9 次。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>1x3 (first of the pair)</source>
            <translation>1x3（第一层）</translation>
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>3x1 (second of the pair)</source>
            <translation>3x1（第二层）</translation>
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-1x1.json" />
            <source>Linear(4, 2) is a 1x1 conv over 4 channels</source>
            <translation>Linear(4, 2) 就是 4 个通道上的 1x1 卷积</translation>
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-1x1.json" />
            <source>The same torch.manual_seed(888) Linear(4, 2) on [1, 2, 3, 4], now read as 4 channels of a 1x1 image (1x4x1x1): Conv2d(4, 2, kernel_size=1) with weight linear.weight.reshape(2, 4, 1, 1) gives the same outputs. A kernel-1 conv is a Linear over the channel axis, applied at every position.</source>
            <translation>同一个 torch.manual_seed(888) 下的 Linear(4, 2) 作用于 [1, 2, 3, 4]，现在把输入看作一张 1x1 图像的 4 个通道（1x4x1x1）：权重为 linear.weight.reshape(2, 4, 1, 1) 的 Conv2d(4, 2, kernel_size=1) 给出相同的输出。卷积核大小为 1 的卷积，就是沿通道轴、在每个位置上应用的 Linear。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-1x1.json" />
            <source>The same Linear(4, 2) (torch.manual_seed(888)): 8 weights in a 2×4 matrix.</source>
            <translation>同一个 Linear(4, 2)（torch.manual_seed(888)）：8 个权重，排成 2×4 矩阵。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-1x1.json" />
            <source>Now read [1, 2, 3, 4] as 4 channels of a 1×1 image: Conv2d(4, 2, kernel_size=1) has the same 2×4 weights (shape 2×4×1×1).</source>
            <translation>现在把 [1, 2, 3, 4] 看作一张 1×1 图像的 4 个通道：Conv2d(4, 2, kernel_size=1) 拥有同样的 2×4 权重（形状为 2×4×1×1）。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-1x1.json" />
            <source>A 1×1 kernel sees one position across all 4 channels: output = one weight row · the 4 channel values + bias.</source>
            <translation>1×1 卷积核只看一个位置，但跨越全部 4 个通道：输出 = 一行权重 · 4 个通道值 + 偏置。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-1x1.json" />
            <source>The same outputs as the Linear: a kernel-1 conv is a Linear over the channel axis, applied at every position.</source>
            <translation>输出与 Linear 相同：卷积核大小为 1 的卷积，就是沿通道轴、在每个位置上应用的 Linear。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-1x1.json" />
            <source>The code: the weight is reshaped from 2×4 to 2×4×1×1; the input from 4 values to 1×4×1×1.</source>
            <translation>代码：权重由 2×4 reshape 成 2×4×1×1；输入由 4 个值 reshape 成 1×4×1×1。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-2x2.json" />
            <source>Linear(4, 2) is a 2x2 conv on a 2x2 image</source>
            <translation>Linear(4, 2) 就是 2x2 图像上的 2x2 卷积</translation>
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-2x2.json" />
            <source>torch.manual_seed(888); Linear(4, 2) applied to [1, 2, 3, 4] gives the same two numbers as Conv2d(1, 2, kernel_size=2) applied to the same values laid out as a 1x1x2x2 image: each row of the Linear weight, reshaped to 2x2, is one output channel's kernel. The kernel covers the whole input (full-kernel mapping), so there is exactly one output position.</source>
            <translation>设置 torch.manual_seed(888) 后，Linear(4, 2) 作用于 [1, 2, 3, 4] 得到的两个数，与 Conv2d(1, 2, kernel_size=2) 作用于同样的值（排成 1x1x2x2 的图像）得到的完全相同：Linear 权重的每一行 reshape 成 2x2，就是一个输出通道的卷积核。卷积核覆盖整个输入（全尺寸卷积核（full）映射方式），所以恰好只有一个输出位置。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-2x2.json" />
            <source>nn.Linear(4, 2) from torch.manual_seed(888): each of its 2 outputs is a weighted sum of the input [1, 2, 3, 4]. Its weight is a 2×4 matrix: 8 numbers (plus 2 biases).</source>
            <translation>由 torch.manual_seed(888) 生成的 nn.Linear(4, 2)：它的 2 个输出都是输入 [1, 2, 3, 4] 的加权和。它的权重是一个 2×4 矩阵：8 个数（另加 2 个偏置）。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-2x2.json" />
            <source>The same 8 numbers, each row reshaped to 2×2, are the two kernels of Conv2d(1, 2, kernel_size=2): conv.weight = linear.weight.reshape(2, 1, 2, 2).</source>
            <translation>同样这 8 个数，每一行 reshape 成 2×2，就是 Conv2d(1, 2, kernel_size=2) 的两个卷积核：conv.weight = linear.weight.reshape(2, 1, 2, 2)。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-2x2.json" />
            <source>One conv output = the whole 2×2 input under the kernel: Σ kernel ⊙ input + bias. The kernel covers all of the input, so there is exactly one output position.</source>
            <translation>一个卷积输出 = 卷积核覆盖下的整个 2×2 输入：Σ 卷积核 ⊙ 输入 + 偏置。卷积核覆盖了全部输入，所以恰好只有一个输出位置。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-2x2.json" />
            <source>Both layers give the same outputs, [0.2983, 1.4994], bit for bit: the same products, added in the same order.</source>
            <translation>两层给出的输出 [0.2983, 1.4994] 逐位相同：同样的乘积，按同样的顺序相加。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-2x2.json" />
            <source>The code: build both layers, copy the weights with one reshape, compare the outputs. Paste it into Python and run it.</source>
            <translation>代码：构建两层，用一次 reshape 复制权重，再对比输出。粘贴到 Python 中即可运行。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <source>Parameters of Conv2d(3, 10, 1): a Linear(3, 10)</source>
            <translation>Conv2d(3, 10, 1) 的参数：就是一个 Linear(3, 10)</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <source>A 1x1 conv from 3 to 10 channels has 3*1*1*10 + 10 = 40 parameters, exactly those of Linear(3, 10): the same matrix applied at each of the 32x32 positions.</source>
            <translation>从 3 通道到 10 通道的 1x1 卷积有 3*1*1*10 + 10 = 40 个参数，与 Linear(3, 10) 的完全相同：同一个矩阵作用在 32x32 的每个位置上。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <source>Conv2d(3, 10, kernel_size=1) has 3·1·1·10 + 10 = 40 parameters, exactly those of Linear(3, 10); 30 without bias.</source>
            <translation>Conv2d(3, 10, kernel_size=1) 有 3·1·1·10 + 10 = 40 个参数，与 Linear(3, 10) 的完全相同；不带偏置时为 30 个。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <source>Its 10×3 weight matrix is the Linear's: one row per output channel, one column per input channel.</source>
            <translation>它的 10×3 权重矩阵就是 Linear 的权重矩阵：每个输出通道一行，每个输入通道一列。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <source>At every one of the 32×32 positions the same 10×3 matrix multiplies that position's 3 channel values.</source>
            <translation>在 32×32 的每一个位置上，都是同一个 10×3 矩阵去乘该位置的 3 个通道值。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <source>The work grows with the positions (1·32·32·3·10 = 30,720 multiply-adds); the parameters do not.</source>
            <translation>计算量随位置数增长（1·32·32·3·10 = 30,720 次乘加）；参数量则不变。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <source>Conv and Linear agree up to float rounding at all 1,024 positions.</source>
            <translation>在全部 1,024 个位置上，卷积与 Linear 的结果都在浮点舍入误差内一致。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>without bias</source>
            <translation>不带偏置</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>Parameters of Conv2d(3, 10, 5, padding=1)</source>
            <translation>Conv2d(3, 10, 5, padding=1) 的参数</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>Parameter count = cin/groups * kh * kw * cout + cout = 3*5*5*10 + 10 = 760 with bias, 750 without. The count does not depend on the input size, padding or stride: those change the output shape (32x32 -&gt; 30x30 here) and the MACs, not the weights.</source>
            <translation>参数量 = cin/groups * kh * kw * cout + cout = 3*5*5*10 + 10 = 760（带偏置），不带偏置时为 750。参数量与输入大小、填充和步长无关：它们改变的是输出形状（这里是 32x32 -&gt; 30x30）和 MACs，而不是权重。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>Conv2d(3, 10, 5, padding=1): 3·5·5·10 + 10 = 760 parameters with bias, 750 without.</source>
            <translation>Conv2d(3, 10, 5, padding=1)：带偏置时 3·5·5·10 + 10 = 760 个参数，不带偏置时 750 个。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>Each of the 10 output channels has a 3×5×5 kernel: 75 weights, plus one bias.</source>
            <translation>10 个输出通道各有一个 3×5×5 的卷积核：75 个权重，外加 1 个偏置。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>Padding 1 and a 5×5 kernel: 32 + 2·1 − 5 + 1 = 30 positions per side, so a 30×30 output.</source>
            <translation>填充为 1、卷积核为 5×5：每条边有 32 + 2·1 − 5 + 1 = 30 个位置，所以输出为 30×30。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>Input size, padding and stride change the output shape and the multiply-adds, never the parameter count.</source>
            <translation>输入大小、填充和步长改变的是输出形状和乘加次数，从不改变参数量。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>As a Linear: unfold the input into 900 patches of 75 values (im2col); Linear(75, 10) on each patch is the conv.</source>
            <translation>写成 Linear：把输入 unfold 成 900 个图像块（patch），每块 75 个值（im2col）；对每个图像块应用 Linear(75, 10)，就是这个卷积。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/stride2-1x1-downsample.json" />
            <source>A stride-2 1x1 conv is subsample-then-Linear</source>
            <translation>步长为 2 的 1x1 卷积 = 先下采样，再接 Linear</translation>
        </message>
        <message>
            <location filename="../../resources/presets/stride2-1x1-downsample.json" />
            <source>Conv2d(16, 32, kernel_size=1, stride=2) on 8x8 gives 4x4: it reads only every second row and column. The same result comes from x[:, :, ::2, ::2], channels moved last, and Linear(16, 32). Three quarters of the input never influence the output.</source>
            <translation>Conv2d(16, 32, kernel_size=1, stride=2) 作用于 8x8 输入得到 4x4：它只读取隔行隔列的位置。先取 x[:, :, ::2, ::2]，把通道移到最后，再接 Linear(16, 32)，结果相同。四分之三的输入对输出毫无影响。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/stride2-1x1-downsample.json" />
            <source>Conv2d(16, 32, kernel_size=1, stride=2) on 8×8: the first output reads input position (0, 0), all 16 channels.</source>
            <translation>Conv2d(16, 32, kernel_size=1, stride=2) 作用于 8×8 输入：第一个输出读取输入位置 (0, 0) 的全部 16 个通道。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/stride2-1x1-downsample.json" />
            <source>The next output reads position (0, 2): stride 2 skips every second row and column. The output is 4×4.</source>
            <translation>下一个输出读取位置 (0, 2)：步长 2 让它隔行隔列地跳着读。输出为 4×4。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/stride2-1x1-downsample.json" />
            <source>Its weights are those of Linear(16, 32): 16·32 + 32 = 544 parameters.</source>
            <translation>它的权重就是 Linear(16, 32) 的权重：16·32 + 32 = 544 个参数。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/stride2-1x1-downsample.json" />
            <source>x[:, :, ::2, ::2], channels moved last, then Linear(16, 32): the same outputs. Three of every four input positions never reach the output.</source>
            <translation>x[:, :, ::2, ::2]，把通道移到最后，再接 Linear(16, 32)：输出相同。每 4 个输入位置中有 3 个永远影响不到输出。</translation>
        </message>
        <message>
            <location filename="../../resources/presets/stride2-1x1-downsample.json" />
            <source>The code: subsample, permute, Linear, permute back.</source>
            <translation>代码：下采样、permute、Linear、再 permute 回来。</translation>
        </message>
    </context>
</TS>

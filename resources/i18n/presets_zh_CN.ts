<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>Presets</name>
        <message>
            <location filename="../../resources/presets/claims.json" />
            <source>Popular claims, tested live</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/claims.json" />
            <source>Five claims heard in tutorials, each measured in the window with a verdict and its evidence: default inits, Linear vs Conv1d(kernel_size=1) speed, stride-2 1x1 convs, the 1x3 then 3x1 factorisation, and the parameter formula. The spec is the speed claim's seed case, Conv1d(8, 32, 1) on 128x8x256.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/claims.json" />
            <source>“nn.Conv has a better default initialisation than nn.Linear.” Both draw U(±1/√fan_in): at equal fan_in the two histograms are one law (KS test). They differ only when fan_in differs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/claims.json" />
            <source>“Linear is 10× faster than Conv1d(kernel_size=1).” Timed live, same 8,388,608 multiply-adds: a fresh process vs a warm allocator, channels first vs channels last. The gap is page faults and layout.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/claims.json" />
            <source>“A stride-2 1×1 conv halves the feature map.” Each side becomes ceil(H/2), and 3 of every 4 input positions are never read: it is subsample-then-Linear.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/claims.json" />
            <source>“1×3 then 3×1 replaces 3×3.” Fewer weights, same 3×3 field, but only rank-1 kernels with one channel: Sobel yes, Laplacian no. A bias leaks through the padding at the border.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/claims.json" />
            <source>“Conv params = Cin·k·k·Co + Co.” Right for groups = 1 with a bias (760, 40); without one drop the + Co (750, 30); with groups, Cin is divided by groups.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/conv1d-k1-vs-linear.json" />
            <source>Conv1d(8, 32, 1) vs Linear(8, 32) on 128x256x8</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/conv1d-k1-vs-linear.json" />
            <source>The case behind the claim 'Linear is an order of magnitude faster than Conv1d(kernel_size=1)'. The conv reads 128x8x256 (channels first), the Linear the same data channel-last, 128x256x8. Both do exactly 128*256*8*32 = 8,388,608 multiply-adds with the same 288 parameters; any speed difference is layout and library overhead, not arithmetic (see the benchmark).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/conv1d-k1-vs-linear.json" />
            <source>Conv1d(8, 32, kernel_size=1) and Linear(8, 32): the same 32×8 weights and 32 biases, 288 parameters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/conv1d-k1-vs-linear.json" />
            <source>At each of the 256 positions, the kernel reads the 8 channel values: one dot product per output channel.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/conv1d-k1-vs-linear.json" />
            <source>The outputs agree up to float rounding: both paths do the same 8,388,608 multiply-adds, in different orders.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/conv1d-k1-vs-linear.json" />
            <source>'Linear is 10× faster than Conv1d(kernel_size=1)'? Press Run: any gap is memory layout and library overhead, not arithmetic.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/conv2d-doc-example.json" />
            <source>The PyTorch docs' Conv2d example</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/conv2d-doc-example.json" />
            <source>nn.Conv2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2), dilation=(3, 1)) on a 20x16x50x100 input, from the Conv2d documentation. Height: floor((50 + 2*4 - 3*(3-1) - 1)/2 + 1) = 26; width: floor((100 + 2*2 - 1*(5-1) - 1)/1 + 1) = 100. Its dense Toeplitz matrix would need 80,000 x 85,800 entries (27 GB in float32), so it is shown through unfold (im2col).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/conv2d-doc-example.json" />
            <source>The PyTorch docs' example, nn.Conv2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2), dilation=(3, 1)): height floor((50 + 8 − 6 − 1)/2 + 1) = 26.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/conv2d-doc-example.json" />
            <source>Dilation 3 spreads the 3 kernel rows 3 apart: a 7×5 receptive field. Taps on the padding read zeros.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/conv2d-doc-example.json" />
            <source>Unfold (im2col) turns each receptive field into a column of 16·3·5 = 240 values: the conv is Linear(240, 33) applied to every column.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/conv2d-doc-example.json" />
            <source>The same outputs up to rounding. The dense Toeplitz matrix would need 27 GB; unfold is how a conv runs as one matrix product.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>A 1x3 then 3x1 pair vs one 3x3 conv</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>Conv2d(64, 64, 3x3, padding=1) has 64*3*3*64 + 64 = 36,928 parameters. Factorised into a 1x3 conv followed by a 3x1 conv (each 64*3*64 + 64 = 12,352) it has 24,704, two thirds of the weights and of the MACs, with the same 3x3 receptive field. The pair is a rank-restricted 3x3: not every 3x3 kernel can be written that way.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>One 3×3 conv, 64 → 64 channels: 36,928 parameters. A 1×3 conv then a 3×1 conv: 2 × 12,352 = 24,704, two thirds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>Each 3×3 kernel has 9 free numbers per channel pair. The pair cannot make every such kernel: see the Claims story.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>The receptive field stays 3×3: the 1×3 covers three columns of a row, the 3×1 stacks three such rows.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/factorized-1x3-3x1-vs-3x3.json" />
            <source>The multiply-adds drop by the same third: 2·64·3 instead of 64·9 per output value and channel.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-1x1.json" />
            <source>Linear(4, 2) is a 1x1 conv over 4 channels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-1x1.json" />
            <source>The same torch.manual_seed(888) Linear(4, 2) on [1, 2, 3, 4], now read as 4 channels of a 1x1 image (1x4x1x1): Conv2d(4, 2, kernel_size=1) with weight linear.weight.reshape(2, 4, 1, 1) gives the same outputs. A kernel-1 conv is a Linear over the channel axis, applied at every position.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-1x1.json" />
            <source>The same Linear(4, 2) (torch.manual_seed(888)): 8 weights in a 2×4 matrix.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-1x1.json" />
            <source>Now read [1, 2, 3, 4] as 4 channels of a 1×1 image: Conv2d(4, 2, kernel_size=1) has the same 2×4 weights (shape 2×4×1×1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-1x1.json" />
            <source>A 1×1 kernel sees one position across all 4 channels: output = one weight row · the 4 channel values + bias.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-1x1.json" />
            <source>The same outputs as the Linear: a kernel-1 conv is a Linear over the channel axis, applied at every position.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-1x1.json" />
            <source>The code: the weight is reshaped from 2×4 to 2×4×1×1; the input from 4 values to 1×4×1×1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-2x2.json" />
            <source>Linear(4, 2) is a 2x2 conv on a 2x2 image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-2x2.json" />
            <source>torch.manual_seed(888); Linear(4, 2) applied to [1, 2, 3, 4] gives the same two numbers as Conv2d(1, 2, kernel_size=2) applied to the same values laid out as a 1x1x2x2 image: each row of the Linear weight, reshaped to 2x2, is one output channel's kernel. The kernel covers the whole input (full-kernel mapping), so there is exactly one output position.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-2x2.json" />
            <source>nn.Linear(4, 2) from torch.manual_seed(888): each of its 2 outputs is a weighted sum of the input [1, 2, 3, 4]. Its weight is a 2×4 matrix: 8 numbers (plus 2 biases).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-2x2.json" />
            <source>The same 8 numbers, each row reshaped to 2×2, are the two kernels of Conv2d(1, 2, kernel_size=2): conv.weight = linear.weight.reshape(2, 1, 2, 2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-2x2.json" />
            <source>One conv output = the whole 2×2 input under the kernel: Σ kernel ⊙ input + bias. The kernel covers all of the input, so there is exactly one output position.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-2x2.json" />
            <source>Both layers give the same outputs, [0.2983, 1.4994], bit for bit: the same products, added in the same order.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/fc-4x2-as-conv-2x2.json" />
            <source>The code: build both layers, copy the weights with one reshape, compare the outputs. Paste it into Python and run it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <source>Parameters of Conv2d(3, 10, 1): a Linear(3, 10)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <source>A 1x1 conv from 3 to 10 channels has 3*1*1*10 + 10 = 40 parameters, exactly those of Linear(3, 10): the same matrix applied at each of the 32x32 positions.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <source>Conv2d(3, 10, kernel_size=1) has 3·1·1·10 + 10 = 40 parameters, exactly those of Linear(3, 10); 30 without bias.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <source>Its 10×3 weight matrix is the Linear's: one row per output channel, one column per input channel.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <source>At every one of the 32×32 positions the same 10×3 matrix multiplies that position's 3 channel values.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <source>The work grows with the positions (1·32·32·3·10 = 30,720 multiply-adds); the parameters do not.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k1.json" />
            <source>Conv and Linear agree up to float rounding at all 1,024 positions.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>Parameters of Conv2d(3, 10, 5, padding=1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>Parameter count = cin/groups * kh * kw * cout + cout = 3*5*5*10 + 10 = 760 with bias, 750 without. The count does not depend on the input size, padding or stride: those change the output shape (32x32 -&gt; 30x30 here) and the MACs, not the weights.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>Conv2d(3, 10, 5, padding=1): 3·5·5·10 + 10 = 760 parameters with bias, 750 without.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>Each of the 10 output channels has a 3×5×5 kernel: 75 weights, plus one bias.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>Padding 1 and a 5×5 kernel: 32 + 2·1 − 5 + 1 = 30 positions per side, so a 30×30 output.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>Input size, padding and stride change the output shape and the multiply-adds, never the parameter count.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/params-3to10-k5.json" />
            <source>As a Linear: unfold the input into 900 patches of 75 values (im2col); Linear(75, 10) on each patch is the conv.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/stride2-1x1-downsample.json" />
            <source>A stride-2 1x1 conv is subsample-then-Linear</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/stride2-1x1-downsample.json" />
            <source>Conv2d(16, 32, kernel_size=1, stride=2) on 8x8 gives 4x4: it reads only every second row and column. The same result comes from x[:, :, ::2, ::2], channels moved last, and Linear(16, 32). Three quarters of the input never influence the output.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/stride2-1x1-downsample.json" />
            <source>Conv2d(16, 32, kernel_size=1, stride=2) on 8×8: the first output reads input position (0, 0), all 16 channels.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/stride2-1x1-downsample.json" />
            <source>The next output reads position (0, 2): stride 2 skips every second row and column. The output is 4×4.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/stride2-1x1-downsample.json" />
            <source>Its weights are those of Linear(16, 32): 16·32 + 32 = 544 parameters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/stride2-1x1-downsample.json" />
            <source>x[:, :, ::2, ::2], channels moved last, then Linear(16, 32): the same outputs. Three of every four input positions never reach the output.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../resources/presets/stride2-1x1-downsample.json" />
            <source>The code: subsample, permute, Linear, permute back.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>Model examples</name>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>use a size such as 224 or 64 (four 2×2 pools must divide it)</source>
            <translation>请用 224 或 64 这样的尺寸（要能被四次 2×2 池化整除）</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>VGG19 with 1×1 conv heads</source>
            <translation>带 1×1 卷积输出头的 VGG19</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>A VGG19 encoder (built from its layer list, random weights) whose conv2_2, conv3_4, conv4_4 and conv5_4 maps are pooled to 14×14 and sent through 1×1 conv and Linear(196, 1) heads.</source>
            <translation>一个 VGG19 编码器（按其层列表构建，权重随机）：conv2_2、conv3_4、conv4_4 和 conv5_4 的特征图被池化到 14×14，再送入由 1×1 卷积和 Linear(196, 1) 组成的输出头。</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>Multi-scale Conv1d classifier</source>
            <translation>多尺度 Conv1d 分类器</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>A 1024-sample signal through a strided stem and three branches (kernel 3, 5, 7), flattened into one Linear. Look at the flatten row: 256 channels × 1 position × 3 branches = 768 in_features.</source>
            <translation>一段 1024 个采样点的信号，依次经过带步长的起始层（stem）和三个分支（卷积核 3、5、7），展平后送入同一个 Linear。请看展平那一行：256 个通道 × 1 个位置 × 3 个分支 = 768 个 in_features。</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>ConvNeXt block</source>
            <translation>ConvNeXt 块</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>A ConvNeXt block with its two pointwise layers as 1×1 convs, the form torchvision replaced by Linear layers on channels-last data. Rewrite pwconv1 and pwconv2 and time both forms.</source>
            <translation>一个 ConvNeXt 块，其中两个逐点层写成 1×1 卷积；torchvision 已把这种写法换成作用于通道在后数据的 Linear 层。请改写 pwconv1 和 pwconv2，并为两种形式计时。</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>MobileNet depthwise-separable blocks</source>
            <translation>MobileNet 深度可分离卷积块</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>Two MobileNet v1 blocks: 3×3 depthwise then 1×1 pointwise convs, one of them grouped, and a strided 1×1 shortcut. Pointwise convs carry most of the MACs here.</source>
            <translation>两个 MobileNet v1 块：先做 3×3 逐通道（depthwise）卷积，再做 1×1 逐点卷积（其中一个是分组卷积），外加一个带步长的 1×1 捷径分支（shortcut）。这里大部分 MACs 来自逐点卷积。</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>3×3 beside 1×3 + 3×1</source>
            <translation>3×3 与 1×3 + 3×1 并列</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>The same input through a 3×3 conv and through a 1×3 then 3×1 pair, fused by a 1×1 conv. Compare the receptive fields and the MACs of the two paths.</source>
            <translation>同一个输入分别经过一个 3×3 卷积和一对先 1×3 再 3×1 的卷积，再由一个 1×1 卷积融合。请对比两条路径的感受野和 MACs。</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>{knob} = {value} is not a positive integer</source>
            <translation>{knob} = {value} 不是正整数</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>give {knob} a whole number of at least 1</source>
            <translation>请给 {knob} 一个不小于 1 的整数</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>size = {size} is not a multiple of 16</source>
            <translation>size = {size} 不是 16 的倍数</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>these knobs give {size} of parameters, over the memory budget of {budget}</source>
            <translation>这些可调参数使模型参数达到 {size}，超出内存预算 {budget}</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>use smaller knobs (its knobs: {knobs})</source>
            <translation>请用更小的可调参数（它的可调参数：{knobs}）</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>there is no built-in example '{name}'</source>
            <translation>没有名为 '{name}' 的内置示例</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>choose one of: {names}</source>
            <translation>可选：{names}</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>example {name} does not take these arguments: {error}</source>
            <translation>示例 {name} 不接受这些参数：{error}</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>its knobs: {knobs}</source>
            <translation>它的可调参数：{knobs}</translation>
        </message>
        <message>
            <location filename="../../core/models/examples.py" />
            <source>example {name} cannot be built with these knobs: {error}</source>
            <translation>示例 {name} 无法用这些可调参数构建：{error}</translation>
        </message>
    </context>
    <context>
        <name>Model table</name>
        <message>
            <location filename="../../core/models/flatten.py" />
            <source>1 position</source>
            <translation>1 个位置</translation>
        </message>
        <message>
            <location filename="../../core/models/flatten.py" />
            <source>{parts} = {total}</source>
            <translation>{parts} = {total}</translation>
        </message>
        <message>
            <location filename="../../core/models/flatten.py" />
            <source>{channels} channels × {positions}</source>
            <translation>{channels} 个通道 × {positions}</translation>
        </message>
        <message>
            <location filename="../../core/models/flatten.py" />
            <source>{count} positions ({shape})</source>
            <translation>{count} 个位置（{shape}）</translation>
        </message>
        <message>
            <location filename="../../core/models/flatten.py" />
            <source>{part} × {count} branches = {total}</source>
            <translation>{part} × {count} 个分支 = {total}</translation>
        </message>
        <message>
            <location filename="../../core/models/flatten.py" />
            <source>{features} features</source>
            <translation>{features} 个特征</translation>
        </message>
        <message>
            <location filename="../../core/models/flatten.py" />
            <source>1 channel × {positions}</source>
            <translation>1 个通道 × {positions}</translation>
        </message>
        <message>
            <location filename="../../core/models/flatten.py" />
            <source>{count} positions</source>
            <translation>{count} 个位置</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>a conv with kernel 1: a Linear over the channels</source>
            <translation>卷积核大小为 1 的卷积：即在通道上做 Linear</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>a conv whose kernel covers its whole input, no padding: a Linear</source>
            <translation>卷积核覆盖整个输入且无填充的卷积：即一个 Linear</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>a Linear: a 1×1 conv over its last dim</source>
            <translation>Linear：即在最后一维上做 1×1 卷积</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>MACs (multiply-accumulates) of conv and Linear layers, bias adds not counted</source>
            <translation>卷积层和 Linear 层的 MACs（乘累加次数），不计偏置加法</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>FLOPs = 2 × MACs of conv and Linear layers, bias adds not counted</source>
            <translation>FLOPs = 卷积层和 Linear 层的 2 × MACs，不计偏置加法</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>MACs (multiply-accumulates) of conv and Linear layers, plus one per bias add</source>
            <translation>卷积层和 Linear 层的 MACs（乘累加次数），每次偏置加法另计 1 次</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>give the sizes of the input, e.g. 1x3x224x224</source>
            <translation>请给出输入的各维大小，例如 1x3x224x224</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>use a smaller input or a larger memory budget</source>
            <translation>请使用更小的输入或更大的内存预算</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>FLOPs = 2 × MACs of conv and Linear layers, plus one per bias add</source>
            <translation>FLOPs = 卷积层和 Linear 层的 2 × MACs，每次偏置加法另计 1 次</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>TorchScript: its layers cannot be listed one by one</source>
            <translation>TorchScript：无法逐层列出其中的层</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>layer {name}</source>
            <translation>层 {name}</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>{shape} is not a shape of sizes of at least 1</source>
            <translation>{shape} 不是各维大小均不小于 1 的形状</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>input {shape} and the parameters need {size}, over the memory budget of {budget}</source>
            <translation>输入 {shape} 和参数共需 {size}，超出内存预算 {budget}</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>a forward pass on input {shape} needs more than the memory budget of {budget} ({size} at layer {layer}, not yet finished)</source>
            <translation>在输入 {shape} 上做一次前向传播所需的内存超出预算 {budget}（到层 {layer} 时已达 {size}，且尚未结束）</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>in_features={arriving} would fit: {formula}</source>
            <translation>in_features={arriving} 才能匹配：{formula}</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>in_features={arriving} would fit</source>
            <translation>in_features={arriving} 才能匹配</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>{arriving} features arrive (input shape {shape}) but in_features={in_features}</source>
            <translation>传入的是 {arriving} 个特征（输入形状 {shape}），但 in_features={in_features}</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>layer {name} ({kind}) raised {error}: {message}</source>
            <translation>层 {name}（{kind}）抛出 {error}：{message}</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>it got input shape {shape}; the model input was {input}</source>
            <translation>该层收到的输入形状为 {shape}；模型的输入为 {input}</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>unknown counting unit {unit}</source>
            <translation>未知的计数单位 {unit}</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>use one of: {units}</source>
            <translation>可选：{units}</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>not called in this forward pass</source>
            <translation>本次前向传播中未被调用</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>a {rank}-D input arrives (shape {shape}) but {kind} takes {batched}-D (N, C, …) or {unbatched}-D</source>
            <translation>传入的是 {rank} 维输入（形状 {shape}），但 {kind} 只接受 {batched} 维 (N, C, …) 或 {unbatched} 维输入</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>give it a shape such as {example}</source>
            <translation>请使用形如 {example} 的形状</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>input shape {shape} has {arriving} at the channel dim but in_channels={in_channels}</source>
            <translation>输入形状 {shape} 的通道维为 {arriving}，但 in_channels={in_channels}</translation>
        </message>
        <message>
            <location filename="../../core/models/table.py" />
            <source>in_channels={arriving} would fit, or an input with {in_channels} channels</source>
            <translation>in_channels={arriving} 才能匹配；或者改用 {in_channels} 个通道的输入</translation>
        </message>
    </context>
    <context>
        <name>Model forms</name>
        <message>
            <location filename="../../core/models/forms.py" />
            <source>only 2-D convs have it</source>
            <translation>只有二维卷积才有这种形式</translation>
        </message>
        <message>
            <location filename="../../core/models/forms.py" />
            <source>{kind} cannot take the form {form}: {reason}</source>
            <translation>{kind} 不能采用 {form} 形式：{reason}</translation>
        </message>
        <message>
            <location filename="../../core/models/forms.py" />
            <source>choose one of {forms}</source>
            <translation>可选：{forms}</translation>
        </message>
        <message>
            <location filename="../../core/models/forms.py" />
            <source>the model has no layer {name!r}</source>
            <translation>模型中没有层 {name!r}</translation>
        </message>
    </context>
    <context>
        <name>Model loading</name>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>fix the file, or choose the file that defines your model</source>
            <translation>请修正该文件，或选择定义你的模型的那个文件</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>only the chosen file is imported, not the files beside it: put the model in one file</source>
            <translation>只会导入所选的文件，不会导入它旁边的文件：请把模型放在同一个文件里</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>give the path of your model's .py file or of a TorchScript file</source>
            <translation>请给出模型的 .py 文件或 TorchScript 文件的路径</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>give a file saved with torch.save(model.state_dict(), path)</source>
            <translation>请给出用 torch.save(model.state_dict(), path) 保存的文件</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>give a JSON object of keyword arguments, e.g. {"width": 8, "k": 4}</source>
            <translation>请给出由关键字参数组成的 JSON 对象，例如 {"width": 8, "k": 4}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>give the sizes joined by x, e.g. 2x24x16x16 (batch, channels, then each spatial size)</source>
            <translation>请用 x 连接各维大小，例如 2x24x16x16（批大小、通道数，然后是各空间维的大小）</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>save the weights with torch.save(model.state_dict(), path)</source>
            <translation>请用 torch.save(model.state_dict(), path) 保存权重</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{file} holds {what}, not a state dict (a dict of names to tensors)</source>
            <translation>{file} 中保存的是 {what}，不是状态字典（从名称映射到张量的 dict）</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>the names start with 'module.' (saved from DataParallel): save model.module.state_dict()</source>
            <translation>名称以 'module.' 开头（从 DataParallel 保存而来）：请保存 model.module.state_dict()</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>save them with torch.save(model.state_dict(), path) from the same class and --args</source>
            <translation>请用同一个类和相同的 --args 构建模型，再用 torch.save(model.state_dict(), path) 保存权重</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>not valid JSON at line {line}, column {column}: {reason}</source>
            <translation>不是有效的 JSON（第 {line} 行第 {column} 列）：{reason}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>must be a JSON object, got {kind} {value}</source>
            <translation>必须是 JSON 对象，实际为 {kind} {value}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>is empty</source>
            <translation>为空</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>size {position} is {size}; every size must be at least 1</source>
            <translation>第 {position} 维的大小为 {size}；各维大小都必须不小于 1</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>a TorchScript file is loaded without --class</source>
            <translation>加载 TorchScript 文件时不需要 --class</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>syntax error in {file} at line {line}: {reason}</source>
            <translation>{file} 第 {line} 行有语法错误：{reason}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{place} raised {error} on import</source>
            <translation>导入时 {place} 抛出 {error}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>give it with --file, without --class; its weights are inside</source>
            <translation>请用 --file 给出它，不要加 --class；它的权重已包含在文件中</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{file} is not a file torch.load can read ({error})</source>
            <translation>{file} 不是 torch.load 能读取的文件（{error}）</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>do not match the model: {problems}</source>
            <translation>与模型不匹配：{problems}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>no file given</source>
            <translation>未给出文件</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{file} line {line}</source>
            <translation>{file} 第 {line} 行</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>a name is letters, digits and _, not starting with a digit</source>
            <translation>名称由字母、数字和 _ 组成，且不能以数字开头</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>has {count} sizes; at most {maximum}</source>
            <translation>有 {count} 个维度；最多 {maximum} 个</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>give either --example NAME or --file PATH</source>
            <translation>请只给出 --example NAME 或 --file PATH 中的一个</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{name} takes {signature}</source>
            <translation>{name} 的参数：{signature}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>nn.Module classes in {file}: {names}</source>
            <translation>{file} 中的 nn.Module 类：{names}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{file} defines no nn.Module class</source>
            <translation>{file} 没有定义任何 nn.Module 类</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{file} has no class {name}</source>
            <translation>{file} 中没有类 {name}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{name} in {file} is not an nn.Module subclass (it is {kind})</source>
            <translation>{file} 中的 {name} 不是 nn.Module 的子类（它是 {kind}）</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>save one with torch.jit.save(torch.jit.script(model), path), or give a .py file with --class</source>
            <translation>请用 torch.jit.save(torch.jit.script(model), path) 保存一个，或者给出 .py 文件并加上 --class</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{name}: file {file}, model {model}</source>
            <translation>{name}：文件中为 {file}，模型中为 {model}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{count} unexpected: {names}</source>
            <translation>多出 {count} 个：{names}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{count} mis-shaped: {names}</source>
            <translation>形状不符 {count} 个：{names}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>example {name}</source>
            <translation>示例 {name}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{model}, weights {file}</source>
            <translation>{model}，权重 {file}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>key {key} is given twice</source>
            <translation>键 {key} 出现了两次</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>unknown kind {kind}</source>
            <translation>未知类型 {kind}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>use one of {kinds}</source>
            <translation>可选：{kinds}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>makes no sense for a TorchScript file: it holds its own class and arguments</source>
            <translation>对 TorchScript 文件没有意义：它自带类和参数</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>leave it out, or give the model's .py file with --class</source>
            <translation>请省略它，或者给出模型的 .py 文件并加上 --class</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>must be a .py file to take a class from, got {file}</source>
            <translation>要从中取出类，必须是 .py 文件，实际为 {file}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>cannot import {file}</source>
            <translation>无法导入 {file}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>cannot read {file} ({reason})</source>
            <translation>无法读取 {file}（{reason}）</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>no class name given for {file}</source>
            <translation>没有为 {file} 给出类名</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{file} is a TorchScript model, not a state dict</source>
            <translation>{file} 是 TorchScript 模型，不是状态字典</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>refused: {file} is not a plain state dict of tensors (unpickling it could run code); nothing in it was executed</source>
            <translation>已拒绝：{file} 不是只含张量的普通状态字典（反序列化它可能会运行代码）；其中的任何内容都没有被执行</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>loading them raised {error}</source>
            <translation>加载权重时抛出 {error}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>and {count} more</source>
            <translation>另有 {count} 个</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{count} missing: {names}</source>
            <translation>缺少 {count} 个：{names}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>not a regular file: {path}</source>
            <translation>不是普通文件：{path}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>the file is empty: {path}</source>
            <translation>文件为空：{path}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{name} from {file}</source>
            <translation>来自 {file} 的 {name}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>TorchScript {file}</source>
            <translation>TorchScript 文件 {file}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>key {key} is not a keyword argument name</source>
            <translation>键 {key} 不是合法的关键字参数名</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>cannot be combined with {other}</source>
            <translation>不能与 {other} 同时使用</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{call} raised {error} ({place})</source>
            <translation>{call} 抛出 {error}（{place}）</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{call} raised {error}</source>
            <translation>{call} 抛出 {error}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{file} is not a TorchScript archive ({error})</source>
            <translation>{file} 不是 TorchScript 存档（{error}）</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>file not found: {path}</source>
            <translation>找不到文件：{path}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>{key} must be text, got {value}</source>
            <translation>{key} 必须是文本，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>it asks for {name}</source>
            <translation>它要求加载 {name}</translation>
        </message>
    </context>
    <context>
        <name>JSON files</name>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>nested too deeply</source>
            <translation>嵌套层数过深</translation>
        </message>
        <message>
            <location filename="../../core/models/loading.py" />
            <source>a number with thousands of digits</source>
            <translation>含有一个上千位的数字</translation>
        </message>
    </context>
    <context>
        <name>Model report</name>
        <message>
            <location filename="../../core/models/report.py" />
            <source>pointwise conv</source>
            <translation>逐点卷积</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>full-kernel conv</source>
            <translation>全尺寸卷积核</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>Linear = conv</source>
            <translation>Linear = 卷积</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>rewritten back to convs: the outputs DIFFER from the original</source>
            <translation>改写回卷积：输出与原始模型【不一致】</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>params</source>
            <translation>参数量</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>count</source>
            <translation>计数</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>receptive field</source>
            <translation>感受野</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>marks</source>
            <translation>标记</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>whole input</source>
            <translation>整个输入</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>FLOPs</source>
            <translation>FLOPs</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>MACs</source>
            <translation>MACs</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>rewritten back to convs: the original outputs, bit for bit</source>
            <translation>改写回卷积：输出与原始模型逐位相同</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>equal</source>
            <translation>一致</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>NOT equal</source>
            <translation>【不一致】</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>form</source>
            <translation>形式</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>median ms</source>
            <translation>中位数 ms</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>IQR ms</source>
            <translation>IQR ms</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>gain [95% CI]</source>
            <translation>加速比 [95% 置信区间]</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>each in a fresh worker process</source>
            <translation>每项在全新的工作进程中运行</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>all in one process</source>
            <translation>全部在同一个进程中运行</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>can become Linear</source>
            <translation>可改写为 Linear</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>(the model's own parameters)</source>
            <translation>（模型自身的参数）</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>{params} parameters · {count} {unit} per forward on {shape}</source>
            <translation>{params} 个参数 · 在 {shape} 上每次前向 {count} {unit}</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>{count} pointwise convs written as Linear: {names}</source>
            <translation>已将 {count} 个逐点卷积改写为 Linear：{names}</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>{verdict} in {dtype}: max abs error {abs:.3g}, max rel error {rel:.3g} (each element within {tol:.0e} + {rtol:.1e}·|value|)</source>
            <translation>{dtype} 下{verdict}：最大绝对误差 {abs:.3g}，最大相对误差 {rel:.3g}（每个元素的误差不超过 {tol:.0e} + {rtol:.1e}·|值|）</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>{isolation}; {rounds} interleaved rounds; {threads} threads; allocator {allocator}; started {started}. Gain = baseline median / this median (native conv for a layer, the original for the model).</source>
            <translation>{isolation}；{rounds} 轮交替进行；{threads} 个线程；内存分配器 {allocator}；开始于 {started}。加速比 = 基线中位数 / 本项中位数（单层的基线是原生卷积，整个模型的基线是原始模型）。</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>every layer kept its native conv: the tuned model is the original</source>
            <translation>每一层都保留了原生卷积：调优后的模型就是原始模型</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>{layer}: {form}, {ratio:.2f}× faster than the native conv [{low:.2f}–{high:.2f}]</source>
            <translation>{layer}：{form}，比原生卷积快 {ratio:.2f}× [{low:.2f}–{high:.2f}]</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>{layer}: native conv kept; {fastest} measured {ratio:.2f}× [{low:.2f}–{high:.2f}], not clearly faster</source>
            <translation>{layer}：保留原生卷积；{fastest} 实测为 {ratio:.2f}× [{low:.2f}–{high:.2f}]，并没有明显更快</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>{layer}: native conv kept; it measured fastest</source>
            <translation>{layer}：保留原生卷积；它实测最快</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>whole model</source>
            <translation>整个模型</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>the tuned model is slower than the original ({ratio:.2f}×): the layers' gains, measured alone, did not add up in the model (a changed memory layout costs the next op); keep the original</source>
            <translation>调优后的模型反而更耗时（{ratio:.2f}×）：各层单独测得的加速在整个模型中没有叠加起来（改变的内存布局让下一个运算更耗时）；请保留原始模型</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>Flatten sizes</source>
            <translation>展平后的尺寸</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>Rewrite</source>
            <translation>改写</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>Timing</source>
            <translation>计时</translation>
        </message>
        <message>
            <location filename="../../core/models/report.py" />
            <source>per-layer time before and after</source>
            <translation>改写前后各层的耗时</translation>
        </message>
    </context>
    <context>
        <name>Model rewrite</name>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>a TorchScript layer cannot be replaced</source>
            <translation>TorchScript 层无法替换</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>its weight is not initialised yet (a lazy conv)</source>
            <translation>它的权重尚未初始化（惰性卷积）</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>it has forward hooks (e.g. weight norm) that the replacement would lose</source>
            <translation>它带有前向钩子（如权重归一化），替换后会丢失</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>this model has no such layer</source>
            <translation>此模型中没有这个层</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>the weights do not fit: missing {missing}; unexpected {unexpected}; mis-shaped (saved ≠ model) {shaped}</source>
            <translation>权重不匹配：缺少 {missing}；多出 {unexpected}；形状不符（保存的 ≠ 模型的）{shaped}</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>only 1×1 convs without padding can be rewritten</source>
            <translation>只有无填充的 1×1 卷积才能改写</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>only a block-diagonal weight converts back to a grouped conv</source>
            <translation>只有块对角的权重才能转换回分组卷积</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>the model has no layer of that name</source>
            <translation>模型中没有这个名字的层</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>use float64 or float32</source>
            <translation>请使用 float64 或 float32</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>choose a folder written by saving a rewritten model</source>
            <translation>请选择保存改写后的模型时写出的文件夹</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>the file is missing</source>
            <translation>文件不存在</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>it needs a "source" object and a "rewritten" list of layer names</source>
            <translation>它需要一个 "source" 对象和一个由层名组成的 "rewritten" 列表</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>not a dict of tensors</source>
            <translation>不是由张量组成的 dict</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>the weights were saved from another model than the one rewrite.json describes</source>
            <translation>这些权重保存自另一个模型，而不是 rewrite.json 所描述的模型</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>not a Conv1d, Conv2d or Conv3d (it is {kind})</source>
            <translation>不是 Conv1d、Conv2d 或 Conv3d（它是 {kind}）</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>kernel size {kernel} is not 1</source>
            <translation>卷积核大小 {kernel} 不是 1</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>padding {padding} is not 0 (the border would need zeros)</source>
            <translation>填充 {padding} 不是 0（边界上需要补零）</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>padding_mode is {mode}, not zeros</source>
            <translation>padding_mode 为 {mode}，不是 zeros</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>valid layers ({count}): {names}</source>
            <translation>可选的层（{count} 个）：{names}</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>layer {name}</source>
            <translation>层 {name}</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>this layer was not rewritten</source>
            <translation>此层没有被改写</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>{kind} is a subclass of a conv and may compute differently</source>
            <translation>{kind} 是卷积的子类，计算方式可能不同</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>the weight has non-zero entries outside its {groups} diagonal blocks</source>
            <translation>权重在其 {groups} 个对角块之外有非零元素</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>cannot verify in {dtype}</source>
            <translation>无法在 {dtype} 下验证</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>not a readable state dict ({reason})</source>
            <translation>不是可读取的状态字典（{reason}）</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>the model raised {kind} on this input: {message}</source>
            <translation>模型在此输入上抛出 {kind}：{message}</translation>
        </message>
        <message>
            <location filename="../../core/models/rewrite.py" />
            <source>give an input shape the model accepts (it got {shape})</source>
            <translation>请给出模型能接受的输入形状（实际收到 {shape}）</translation>
        </message>
    </context>
    <context>
        <name>Model timing</name>
        <message>
            <location filename="../../core/models/timing.py" />
            <source>use e.g. 0.6</source>
            <translation>例如用 0.6</translation>
        </message>
        <message>
            <location filename="../../core/models/timing.py" />
            <source>use e.g. 3</source>
            <translation>例如用 3</translation>
        </message>
        <message>
            <location filename="../../core/models/timing.py" />
            <source>done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location filename="../../core/models/timing.py" />
            <source>its worker processes disagree ({low:.3g} vs {high:.3g} ms): the machine was busy; not used to tune</source>
            <translation>它的几个工作进程结果不一致（{low:.3g} 与 {high:.3g} ms）：机器当时繁忙；不用于调优</translation>
        </message>
        <message>
            <location filename="../../core/models/timing.py" />
            <source>must be above 0 and at most {limit:g} s, got {value:g}</source>
            <translation>必须大于 0 且不超过 {limit:g} s，实际为 {value:g}</translation>
        </message>
        <message>
            <location filename="../../core/models/timing.py" />
            <source>must be 1 to {limit}, got {value}</source>
            <translation>必须在 1 到 {limit} 之间，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/models/timing.py" />
            <source>must be 0 (PyTorch's default) to {limit}, got {value}</source>
            <translation>必须在 0（PyTorch 默认值）到 {limit} 之间，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/models/timing.py" />
            <source>unknown setting {value!r}</source>
            <translation>未知设置 {value!r}</translation>
        </message>
        <message>
            <location filename="../../core/models/timing.py" />
            <source>choose one of {names}</source>
            <translation>可选：{names}</translation>
        </message>
        <message>
            <location filename="../../core/models/timing.py" />
            <source>{name} is not a pointwise conv that can become a Linear</source>
            <translation>{name} 不是可以改写为 Linear 的逐点卷积</translation>
        </message>
        <message>
            <location filename="../../core/models/timing.py" />
            <source>timing {count} layer forms</source>
            <translation>正在为 {count} 种层形式计时</translation>
        </message>
        <message>
            <location filename="../../core/models/timing.py" />
            <source>the model has no layer {name!r}</source>
            <translation>模型中没有层 {name!r}</translation>
        </message>
        <message>
            <location filename="../../core/models/timing.py" />
            <source>output differs from float64 by {error:.3g} (tolerance {tolerance:.3g})</source>
            <translation>输出与 float64 结果相差 {error:.3g}（容差 {tolerance:.3g}）</translation>
        </message>
    </context>
    <context>
        <name>Model workflow</name>
        <message>
            <location filename="../../core/models/workflow.py" />
            <source>rewriting back to convs</source>
            <translation>正在改写回卷积</translation>
        </message>
        <message>
            <location filename="../../core/models/workflow.py" />
            <source>a model from a file needs the shape of an example input</source>
            <translation>来自文件的模型需要给出示例输入的形状</translation>
        </message>
        <message>
            <location filename="../../core/models/workflow.py" />
            <source>give it as N×C×H×W, e.g. 2x24x16x16</source>
            <translation>请按 N×C×H×W 给出，例如 2x24x16x16</translation>
        </message>
        <message>
            <location filename="../../core/models/workflow.py" />
            <source>is empty</source>
            <translation>为空</translation>
        </message>
        <message>
            <location filename="../../core/models/workflow.py" />
            <source>use pointwise or layer names</source>
            <translation>请用 pointwise 或层名</translation>
        </message>
        <message>
            <location filename="../../core/models/workflow.py" />
            <source>running it on {shape} with hooks on every layer</source>
            <translation>正在 {shape} 上运行模型（每一层都挂有钩子）</translation>
        </message>
        <message>
            <location filename="../../core/models/workflow.py" />
            <source>the model has no pointwise conv that can become a Linear</source>
            <translation>模型中没有可以改写为 Linear 的逐点卷积</translation>
        </message>
        <message>
            <location filename="../../core/models/workflow.py" />
            <source>the table marks the layers that can</source>
            <translation>表格中标出了可以改写的层</translation>
        </message>
        <message>
            <location filename="../../core/models/workflow.py" />
            <source>rewriting {count} layers</source>
            <translation>正在改写 {count} 个层</translation>
        </message>
        <message>
            <location filename="../../core/models/workflow.py" />
            <source>building {label}</source>
            <translation>正在构建 {label}</translation>
        </message>
        <message>
            <location filename="../../core/models/workflow.py" />
            <source>comparing outputs in {dtype}</source>
            <translation>正在以 {dtype} 比较输出</translation>
        </message>
    </context>
</TS>

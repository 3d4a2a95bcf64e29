<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>File writes</name>
        <message>
            <location filename="../../core/atomic_write.py" />
            <source>it is a folder</source>
            <translation>它是一个文件夹</translation>
        </message>
        <message>
            <location filename="../../core/atomic_write.py" />
            <source>permission denied</source>
            <translation>权限不足</translation>
        </message>
        <message>
            <location filename="../../core/atomic_write.py" />
            <source>the file system is read-only</source>
            <translation>文件系统为只读</translation>
        </message>
        <message>
            <location filename="../../core/atomic_write.py" />
            <source>no space left on the device</source>
            <translation>设备上没有剩余空间</translation>
        </message>
        <message>
            <location filename="../../core/atomic_write.py" />
            <source>the disk quota is exceeded</source>
            <translation>超出磁盘配额</translation>
        </message>
        <message>
            <location filename="../../core/atomic_write.py" />
            <source>the file is too large (a file-size limit was reached)</source>
            <translation>文件过大（已达到文件大小上限）</translation>
        </message>
        <message>
            <location filename="../../core/atomic_write.py" />
            <source>cannot write {path}: {reason}</source>
            <translation>无法写入 {path}：{reason}</translation>
        </message>
        <message>
            <location filename="../../core/atomic_write.py" />
            <source>it is a file, not a folder</source>
            <translation>它是文件，不是文件夹</translation>
        </message>
        <message>
            <location filename="../../core/atomic_write.py" />
            <source>the folder {folder} does not exist</source>
            <translation>文件夹 {folder} 不存在</translation>
        </message>
        <message>
            <location filename="../../core/atomic_write.py" />
            <source>{path} is a file, not a folder</source>
            <translation>{path} 是文件，不是文件夹</translation>
        </message>
        <message>
            <location filename="../../core/atomic_write.py" />
            <source>permission denied (the folder {folder} is not writable)</source>
            <translation>权限不足（文件夹 {folder} 不可写）</translation>
        </message>
    </context>
    <context>
        <name>Axis labels</name>
        <message>
            <location filename="../../core/axis_labels.py" />
            <source>output position</source>
            <translation>输出位置</translation>
        </message>
        <message>
            <location filename="../../core/axis_labels.py" />
            <source>channel</source>
            <translation>通道</translation>
        </message>
        <message>
            <location filename="../../core/axis_labels.py" />
            <source>position l (padded)</source>
            <translation>位置 l（含填充）</translation>
        </message>
        <message>
            <location filename="../../core/axis_labels.py" />
            <source>tap k</source>
            <translation>卷积核位置 k</translation>
        </message>
        <message>
            <location filename="../../core/axis_labels.py" />
            <source>position l</source>
            <translation>位置 l</translation>
        </message>
    </context>
    <context>
        <name>Export index</name>
        <message>
            <location filename="../../core/export_index.py" />
            <source>none (a spec given by its options)</source>
            <translation>无（层配置由选项给出）</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>quantity</source>
            <translation>量</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>formula</source>
            <translation>公式</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>with the numbers</source>
            <translation>代入数值</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>value</source>
            <translation>值</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>mapping mode</source>
            <translation>映射方式</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>theme</source>
            <translation>主题</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>PNG width</source>
            <translation>PNG 宽度</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>LinConv Lab version</source>
            <translation>LinConv Lab 版本</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>PyTorch version</source>
            <translation>PyTorch 版本</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>exported</source>
            <translation>导出时间</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>LinConv Lab export</source>
            <translation>LinConv Lab 导出</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>Files</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>Spec</source>
            <translation>层配置</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>Shapes, counts and memory (as `inspect` prints them)</source>
            <translation>形状、计数与内存（与 `inspect` 的输出相同）</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>About this folder</source>
            <translation>关于此文件夹</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>Every file appeared at once, when all of them were written (they wait in a hidden .linconv-export-* folder until then). Exporting into this folder again replaces the files listed above and removes those of them the new export does not write; nothing else here is touched.</source>
            <translation>所有文件在全部写完时同时出现（在此之前它们保存在隐藏的 .linconv-export-* 文件夹中）。再次导出到此文件夹会替换上面列出的文件，并删除其中新一次导出不再写入的文件；此处的其他内容不受影响。</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>this index, in Markdown</source>
            <translation>本索引（Markdown 格式）</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>this index, as a web page</source>
            <translation>本索引（网页格式）</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>this index for programs (JSON), read by the next export here</source>
            <translation>供程序读取的本索引（JSON），下次导出到此处时会读取它</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>Not included</source>
            <translation>未包含</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>{width} px</source>
            <translation>{width} 像素</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>setting</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>file</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>what it holds</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>parameter</source>
            <translation>参数</translation>
        </message>
        <message>
            <location filename="../../core/export_index.py" />
            <source>{count:,} values (in the script and data.json)</source>
            <translation>{count:,} 个值（见脚本和 data.json）</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <location filename="../../core/export_writer.py" />
            <source>data of “{title}”: {rows}×{cols} values, rows {row_label}, columns {col_label}</source>
            <translation>“{title}”的数据：{rows}×{cols} 个值，行：{row_label}；列：{col_label}</translation>
        </message>
        <message>
            <location filename="../../core/export_writer.py" />
            <source>writing the panels' data (CSV, JSON)</source>
            <translation>正在写入各面板的数据（CSV、JSON）</translation>
        </message>
        <message>
            <location filename="../../core/export_writer.py" />
            <source>every table above with the spec, as JSON</source>
            <translation>上述所有表格及层配置（JSON 格式）</translation>
        </message>
        <message>
            <location filename="../../core/export_writer.py" />
            <source>writing the index</source>
            <translation>正在写入索引</translation>
        </message>
        <message>
            <location filename="../../core/export_writer.py" />
            <source>writing {name}</source>
            <translation>正在写入 {name}</translation>
        </message>
        <message>
            <location filename="../../core/export_writer.py" />
            <source>the demo as a PyTorch script that needs only torch: builds both layers, maps the weights, checks that the outputs agree and times both with torch.utils.benchmark (python {name})</source>
            <translation>本演示的 PyTorch 脚本，只依赖 torch：构建两层、映射权重、检验输出是否一致，并用 torch.utils.benchmark 为两者计时（python {name}）</translation>
        </message>
    </context>
    <context>
        <name>Init check</name>
        <message>
            <location filename="../../core/init_check.py" />
            <source>PyTorch initialises both with kaiming_uniform_(a=sqrt(5)), i.e. U(-1/sqrt(fan_in), 1/sqrt(fan_in))</source>
            <translation>PyTorch 对两者都用 kaiming_uniform_(a=sqrt(5)) 初始化，即 U(-1/sqrt(fan_in), 1/sqrt(fan_in))</translation>
        </message>
        <message>
            <location filename="../../core/init_check.py" />
            <source>use e.g. 40</source>
            <translation>例如用 40</translation>
        </message>
        <message>
            <location filename="../../core/init_check.py" />
            <source>{draws} draws of this spec would take about {work:,} random numbers and multiply-adds, over the limit of {limit:,} (about half a minute)</source>
            <translation>对该层配置重新初始化 {draws} 次约需 {work:,} 个随机数和乘加运算，超出上限 {limit:,}（约半分钟）</translation>
        </message>
        <message>
            <location filename="../../core/init_check.py" />
            <source>use a smaller spec</source>
            <translation>请用更小的层配置</translation>
        </message>
        <message>
            <location filename="../../core/init_check.py" />
            <source>Same distribution: both layers have fan_in = {fan_in}. {rule}. KS statistic D = {ks:.4f} (p = {p:.2g}) over {draws} re-initialisations finds no difference. The claim 'Conv has a better default init' has no support for this spec.</source>
            <translation>分布相同：两层的 fan_in 都是 {fan_in}。{rule}。基于 {draws} 次重新初始化的 KS 统计量 D = {ks:.4f}（p = {p:.2g}）未发现差异。“Conv 的默认初始化更好”这一说法在该层配置下没有依据。</translation>
        </message>
        <message>
            <location filename="../../core/init_check.py" />
            <source>Same distribution: both layers have fan_in = {fan_in}. {rule}. KS statistic D = {ks:.4f} (p = {p:.2g}) over {draws} re-initialisations rejects at 1% — a chance event for equal laws; try another seed. The claim 'Conv has a better default init' has no support for this spec.</source>
            <translation>分布相同：两层的 fan_in 都是 {fan_in}。{rule}。基于 {draws} 次重新初始化的 KS 统计量 D = {ks:.4f}（p = {p:.2g}）在 1% 水平上拒绝了同分布——对相同的分布而言这是偶然事件，可换一个种子再试。“Conv 的默认初始化更好”这一说法在该层配置下没有依据。</translation>
        </message>
        <message>
            <location filename="../../core/init_check.py" />
            <source>Different distributions, by fan_in alone: the Linear has fan_in = {linear_fan_in}, the conv cin/groups*kernel = {conv_fan_in}, so the Linear's bound is {ratio:.3g}x the conv's (KS D = {ks:.4f}, p = {p:.2g}). {rule}: the same rule for both, so neither is 'better' by construction; compare the output std, which both keep near 1/sqrt(3) of the input's.</source>
            <translation>分布不同，仅因 fan_in 不同：Linear 的 fan_in = {linear_fan_in}，卷积的 cin/groups*kernel = {conv_fan_in}，因此 Linear 的分布边界是卷积的 {ratio:.3g} 倍（KS D = {ks:.4f}，p = {p:.2g}）。{rule}：两者规则相同，从构造上谁也不比谁“更好”；请对比输出标准差，两者都保持在输入标准差的 1/sqrt(3) 左右。</translation>
        </message>
        <message>
            <location filename="../../core/init_check.py" />
            <source>use at most {most} draws for this spec</source>
            <translation>该层配置最多重新初始化 {most} 次</translation>
        </message>
    </context>
    <context>
        <name>Inspect report</name>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>layers + input + outputs + largest phase</source>
            <translation>两层 + 输入 + 输出 + 最大阶段</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>largest draw: float32 layers, permutation, forward</source>
            <translation>最大的一次抽取：float32 层、随机排列、前向</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>every stage's result + largest stage's work</source>
            <translation>各阶段结果 + 最大阶段的工作内存</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>layers + input + outputs + largest phase + copies back from a child process</source>
            <translation>两层 + 输入 + 输出 + 最大阶段 + 从子进程拷回的副本</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>every stage's result + largest stage's work + copies back from a child process</source>
            <translation>各阶段结果 + 最大阶段的工作内存 + 从子进程拷回的副本</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>peak: check</source>
            <translation>峰值：check 命令</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>peak: init</source>
            <translation>峰值：init 命令</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>peak: window</source>
            <translation>峰值：窗口</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>conv params memory</source>
            <translation>卷积参数内存</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>linear params memory</source>
            <translation>Linear 参数内存</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>input memory</source>
            <translation>输入内存</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>output memory</source>
            <translation>输出内存</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>receptive field L</source>
            <translation>感受野 L</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>receptive field H</source>
            <translation>感受野 H</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>receptive field W</source>
            <translation>感受野 W</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>{kept} kept + {work} work + {slack} slack</source>
            <translation>{kept} 常驻 + {work} 工作 + {slack} 余量</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>cout*cin/groups*(taps on real input)</source>
            <translation>cout*cin/groups*(落在真实输入上的卷积核位置数)</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>cout*cin/groups*(kernel cells)</source>
            <translation>cout*cin/groups*(卷积核元素数)</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>output shape</source>
            <translation>输出形状</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>compute</source>
            <translation>计算量</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>receptive field</source>
            <translation>感受野</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>memory budget</source>
            <translation>内存预算</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>largest peak &lt;= budget</source>
            <translation>最大峰值 &lt;= 预算</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>conv params</source>
            <translation>卷积参数量</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>Linear params</source>
            <translation>Linear 参数量</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>Linear non-zero weights</source>
            <translation>Linear 非零权重</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>conv MACs</source>
            <translation>卷积 MACs</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>Linear MACs</source>
            <translation>Linear MACs</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>conv FLOPs</source>
            <translation>卷积 FLOPs</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>Linear FLOPs</source>
            <translation>Linear FLOPs</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>{percent:.0f}% used</source>
            <translation>已用 {percent:.0f}%</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>{nonzero} of {entries} ({percent:.2f}% structural zeros)</source>
            <translation>{nonzero} / {entries}（{percent:.2f}% 为结构性零）</translation>
        </message>
        <message>
            <location filename="../../core/inspect_report.py" />
            <source>elements*{element} B ({dtype})</source>
            <translation>元素数*{element} B ({dtype})</translation>
        </message>
    </context>
    <context>
        <name>Isolation</name>
        <message>
            <location filename="../../core/isolation.py" />
            <source>still running</source>
            <translation>仍在运行</translation>
        </message>
        <message>
            <location filename="../../core/isolation.py" />
            <source>the child process ended without a result</source>
            <translation>子进程已结束，但没有返回结果</translation>
        </message>
        <message>
            <location filename="../../core/isolation.py" />
            <source>use float32 or float64 for this spec</source>
            <translation>请为该层配置使用 float32 或 float64</translation>
        </message>
        <message>
            <location filename="../../core/isolation.py" />
            <source>exit code {code}</source>
            <translation>退出码 {code}</translation>
        </message>
        <message>
            <location filename="../../core/isolation.py" />
            <source>PyTorch crashed ({how}) computing this spec in {dtype} on the CPU: a PyTorch bug in its half-precision convolution kernels, caught in a separate process so nothing else was affected</source>
            <translation>PyTorch 在 CPU 上以 {dtype} 计算该层配置时崩溃（{how}）：这是 PyTorch 半精度卷积内核的 bug，已在独立进程中捕获，其余部分未受影响</translation>
        </message>
        <message>
            <location filename="../../core/isolation.py" />
            <source>killed by {signal}</source>
            <translation>被 {signal} 终止</translation>
        </message>
    </context>
    <context>
        <name>JSON files</name>
        <message>
            <location filename="../../core/json_file.py" />
            <source>the file is {size}; {what} is a few KiB (at most {maximum} KiB)</source>
            <translation>文件大小为 {size}；{what}只有几 KiB（最多 {maximum} KiB）</translation>
        </message>
        <message>
            <location filename="../../core/json_file.py" />
            <source>not a regular file</source>
            <translation>不是普通文件</translation>
        </message>
        <message>
            <location filename="../../core/json_file.py" />
            <source>the file is not UTF-8 text</source>
            <translation>文件不是 UTF-8 文本</translation>
        </message>
        <message>
            <location filename="../../core/json_file.py" />
            <source>nested too deeply</source>
            <translation>嵌套层数过深</translation>
        </message>
        <message>
            <location filename="../../core/json_file.py" />
            <source>cannot read the file ({reason})</source>
            <translation>无法读取文件（{reason}）</translation>
        </message>
        <message>
            <location filename="../../core/json_file.py" />
            <source>a number with thousands of digits</source>
            <translation>含有一个上千位的数字</translation>
        </message>
        <message>
            <location filename="../../core/json_file.py" />
            <source>cannot read JSON: {reason}</source>
            <translation>无法读取 JSON：{reason}</translation>
        </message>
    </context>
    <context>
        <name>Lab stages</name>
        <message>
            <location filename="../../core/lab.py" />
            <source>out of memory: this spec needs more memory than is available; use a smaller input, batch or channels</source>
            <translation>内存不足：该层配置需要的内存超过可用内存；请减小输入尺寸、批大小或通道数</translation>
        </message>
    </context>
    <context>
        <name>Limits</name>
        <message>
            <location filename="../../core/limits.py" />
            <source>that is 2^63-1, PyTorch's int64 limit</source>
            <translation>即 2^63-1，PyTorch 的 int64 上限</translation>
        </message>
        <message>
            <location filename="../../core/limits.py" />
            <source>must be between {low:g} and {high:g}, got {value:g}</source>
            <translation>必须在 {low:g} 到 {high:g} 之间，实际为 {value:g}</translation>
        </message>
        <message>
            <location filename="../../core/limits.py" />
            <source>must be between {low:,} and {high:,}, got {value}</source>
            <translation>必须在 {low:,} 到 {high:,} 之间，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/limits.py" />
            <source>use e.g. 1024 (MiB)</source>
            <translation>例如用 1024（MiB）</translation>
        </message>
        <message>
            <location filename="../../core/limits.py" />
            <source>{count:,} characters</source>
            <translation>共 {count:,} 个字符</translation>
        </message>
        <message>
            <location filename="../../core/limits.py" />
            <source>{count:,} characters as text</source>
            <translation>转为文本共 {count:,} 个字符</translation>
        </message>
        <message>
            <location filename="../../core/limits.py" />
            <source>must be a whole number (digits 0-9), got {value}</source>
            <translation>必须是整数（数字 0-9），实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/limits.py" />
            <source>a {count:,}-digit number</source>
            <translation>一个 {count:,} 位的数</translation>
        </message>
        <message>
            <location filename="../../core/limits.py" />
            <source>must be &lt;= {maximum:,}, got {value}</source>
            <translation>必须 &lt;= {maximum:,}，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/limits.py" />
            <source>must be a number (digits 0-9, '.', 'e'), got {value}</source>
            <translation>必须是数字（0-9、'.'、'e'），实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/limits.py" />
            <source>must be a finite number, got {value}</source>
            <translation>必须是有限数，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/limits.py" />
            <source>must be a whole number, got {value}</source>
            <translation>必须是整数，实际为 {value}</translation>
        </message>
    </context>
    <context>
        <name>Mappings</name>
        <message>
            <location filename="../../core/mapping.py" />
            <source>subsample by the stride, move channels last (permute), Linear over channels, permute back</source>
            <translation>按步长下采样，把通道移到最后一维（permute），在通道上做 Linear，再 permute 回来</translation>
        </message>
        <message>
            <location filename="../../core/mapping.py" />
            <source>flatten (C, *spatial) into one vector per sample, Linear, view as (cout, 1...)</source>
            <translation>把 (C, *spatial) 展平为每个样本一个向量，做 Linear，再 view 为 (cout, 1...)</translation>
        </message>
        <message>
            <location filename="../../core/mapping.py" />
            <source>flatten (C, *spatial), Linear with the Toeplitz matrix, view as (cout, *out_spatial)</source>
            <translation>展平 (C, *spatial)，用 Toeplitz 矩阵做 Linear，再 view 为 (cout, *out_spatial)</translation>
        </message>
        <message>
            <location filename="../../core/mapping.py" />
            <source>zero-pad, unfold patches (im2col), Linear over each patch, fold into (cout, *out_spatial)</source>
            <translation>补零，unfold 出图像块（im2col），对每个图像块做 Linear，再 fold 为 (cout, *out_spatial)</translation>
        </message>
    </context>
    <context>
        <name>Memory</name>
        <message>
            <location filename="../../core/memory.py" />
            <source>window {window}, check {check}, init {init}</source>
            <translation>窗口 {window}，check 命令 {check}，init 命令 {init}</translation>
        </message>
    </context>
    <context>
        <name>Mapping modes</name>
        <message>
            <location filename="../../core/modes.py" />
            <source>set kernel=1 or choose mode unrolled/unfold (any kernel)</source>
            <translation>请设 kernel=1，或选择映射方式 unrolled/unfold（支持任意卷积核）</translation>
        </message>
        <message>
            <location filename="../../core/modes.py" />
            <source>set padding=0 (zeros at the border would be extra output positions a Linear never sees)</source>
            <translation>请设 padding=0（边界上的零会产生 Linear 看不到的额外输出位置）</translation>
        </message>
        <message>
            <location filename="../../core/modes.py" />
            <source>set groups=1 or source=conv</source>
            <translation>请设 groups=1 或 source=conv</translation>
        </message>
        <message>
            <location filename="../../core/modes.py" />
            <source>a default-initialised Linear has no Toeplitz structure, so it is not a conv in unrolled mode</source>
            <translation>默认初始化的 Linear 没有 Toeplitz 结构，因此在 展开（unrolled）映射方式下不是卷积</translation>
        </message>
        <message>
            <location filename="../../core/modes.py" />
            <source>set source=conv (the conv defines the Toeplitz matrix), or use mode pointwise/full/unfold</source>
            <translation>请设 source=conv（由卷积定义 Toeplitz 矩阵），或使用映射方式 pointwise/full/unfold</translation>
        </message>
        <message>
            <location filename="../../core/modes.py" />
            <source>unknown mapping mode {mode}</source>
            <translation>未知的映射方式 {mode}</translation>
        </message>
        <message>
            <location filename="../../core/modes.py" />
            <source>choose one of {choices}</source>
            <translation>请从 {choices} 中选择</translation>
        </message>
        <message>
            <location filename="../../core/modes.py" />
            <source>set padding=0 or choose mode unrolled/unfold</source>
            <translation>请设 padding=0，或选择映射方式 unrolled/unfold</translation>
        </message>
        <message>
            <location filename="../../core/modes.py" />
            <source>pointwise mode needs kernel 1, got {kernel}</source>
            <translation>逐点（pointwise）映射方式要求卷积核大小为 1，实际为 {kernel}</translation>
        </message>
        <message>
            <location filename="../../core/modes.py" />
            <source>pointwise mode needs padding 0, got {padding}</source>
            <translation>逐点（pointwise）映射方式要求填充为 0，实际为 {padding}</translation>
        </message>
        <message>
            <location filename="../../core/modes.py" />
            <source>a default-initialised Linear is dense, so it maps to a conv only with groups=1, got {groups}</source>
            <translation>默认初始化的 Linear 是稠密的，只有 groups=1 时才能映射为卷积，实际为 {groups}</translation>
        </message>
        <message>
            <location filename="../../core/modes.py" />
            <source>full-kernel mode needs kernel = input size {size}, got {kernel}</source>
            <translation>全尺寸卷积核（full）映射方式要求卷积核大小 = 输入尺寸 {size}，实际为 {kernel}</translation>
        </message>
        <message>
            <location filename="../../core/modes.py" />
            <source>set kernel={size} or choose mode unrolled/unfold</source>
            <translation>请设 kernel={size}，或选择映射方式 unrolled/unfold</translation>
        </message>
        <message>
            <location filename="../../core/modes.py" />
            <source>full-kernel mode needs padding 0, got {padding}</source>
            <translation>全尺寸卷积核（full）映射方式要求填充为 0，实际为 {padding}</translation>
        </message>
    </context>
    <context>
        <name>Number format</name>
        <message>
            <location filename="../../core/number_format.py" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../core/number_format.py" />
            <source>no</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>Preset files</name>
        <message>
            <location filename="../../core/presets.py" />
            <source>missing keys {missing}, unknown keys {unknown}</source>
            <translation>缺少键 {missing}，未知键 {unknown}</translation>
        </message>
        <message>
            <location filename="../../core/presets.py" />
            <source>'order' must be a whole number 0..{maximum}, got {value}</source>
            <translation>'order' 必须是 0..{maximum} 的整数，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/presets.py" />
            <source>the file must hold a JSON object</source>
            <translation>文件内容必须是一个 JSON 对象</translation>
        </message>
        <message>
            <location filename="../../core/presets.py" />
            <source>'spec' must be an object of spec fields</source>
            <translation>'spec' 必须是由层配置字段组成的对象</translation>
        </message>
        <message>
            <location filename="../../core/presets.py" />
            <source>known presets: {names}</source>
            <translation>已有预设：{names}</translation>
        </message>
        <message>
            <location filename="../../core/presets.py" />
            <source>the name is empty</source>
            <translation>名称为空</translation>
        </message>
        <message>
            <location filename="../../core/presets.py" />
            <source>fix {file}</source>
            <translation>请修正 {file}</translation>
        </message>
        <message>
            <location filename="../../core/presets.py" />
            <source>each 'related' entry needs 'label' and 'spec' only, got {value}</source>
            <translation>每个 'related' 条目只能包含 'label' 和 'spec'，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/presets.py" />
            <source>'related_total' must be a label, got {value}</source>
            <translation>'related_total' 必须是一个标签，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/presets.py" />
            <source>no preset named {name}</source>
            <translation>没有名为 {name} 的预设</translation>
        </message>
        <message>
            <location filename="../../core/presets.py" />
            <source>invalid story: {error}</source>
            <translation>讲解无效：{error}</translation>
        </message>
        <message>
            <location filename="../../core/presets.py" />
            <source>invalid spec: {error}</source>
            <translation>层配置无效：{error}</translation>
        </message>
        <message>
            <location filename="../../core/presets.py" />
            <source>cannot read JSON ({error})</source>
            <translation>无法读取 JSON（{error}）</translation>
        </message>
    </context>
    <context>
        <name>Registry</name>
        <message>
            <location filename="../../core/registry.py" />
            <source>auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>the most specific mapping whose preconditions hold</source>
            <translation>满足前提条件的最具体的映射方式</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>pointwise (kernel 1)</source>
            <translation>逐点（卷积核大小 1）</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>pointwise: kernel-1 conv = Linear over channels</source>
            <translation>逐点：卷积核大小为 1 的卷积 = 在通道上做 Linear</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>full-kernel</source>
            <translation>全尺寸卷积核</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>full-kernel: kernel = input conv = Linear over the flattened input</source>
            <translation>全尺寸卷积核：卷积核与输入同样大的卷积 = 在展平的输入上做 Linear</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>unrolled (Toeplitz)</source>
            <translation>展开（Toeplitz）</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>unrolled: conv = Linear with a Toeplitz (sparse, weight-shared) matrix</source>
            <translation>展开：卷积 = 使用 Toeplitz 矩阵（稀疏、权重共享）的 Linear</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>unfold (im2col)</source>
            <translation>unfold（im2col）</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>unfold: conv = Linear over unfolded patches (im2col)</source>
            <translation>unfold：卷积 = 在 unfold 出的图像块上做 Linear（im2col）</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>Linear on data already in its layout (channel-last / flattened)</source>
            <translation>Linear，作用于已是其内存布局的数据（通道在最后 / 已展平）</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>Linear + permutes</source>
            <translation>Linear + permute 操作</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>Linear including the permutes (or flatten) a conv-layout tensor needs</source>
            <translation>Linear，包含卷积布局的张量所需的 permute（或 flatten）操作</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>Conv1d/Conv2d on the native channels-first layout</source>
            <translation>Conv1d/Conv2d，使用原生的通道在前（channels-first）内存布局</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>Conv2d on channels_last data (1-D as height 1)</source>
            <translation>Conv2d，作用于 channels_last 数据（1-D 视为高度为 1）</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>F.unfold patches @ reshaped weight (+ bias), folded to the conv layout</source>
            <translation>F.unfold 图像块 @ reshape 后的权重（+ 偏置），再 fold 回卷积布局</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>dense Linear with the conv's Toeplitz matrix (only if it fits the memory budget)</source>
            <translation>使用卷积的 Toeplitz 矩阵的稠密 Linear（仅当内存预算允许时）</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>IEEE single precision</source>
            <translation>IEEE 单精度</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>IEEE double precision</source>
            <translation>IEEE 双精度</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>brain float: float32's range, 8-bit mantissa</source>
            <translation>Brain 浮点格式：与 float32 相同的数值范围，8 位尾数</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>IEEE half precision</source>
            <translation>IEEE 半精度</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>seeded randn</source>
            <translation>带种子的 randn</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>normal random numbers from torch.Generator().manual_seed(seed)</source>
            <translation>由 torch.Generator().manual_seed(seed) 生成的正态分布随机数</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>1, 2, 3, ... in the conv's (N, C, *spatial) layout</source>
            <translation>按卷积的 (N, C, *spatial) 布局排列的 1, 2, 3, ...</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>given values</source>
            <translation>给定数值</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>the numbers in input_values, in the conv's (N, C, *spatial) layout</source>
            <translation>input_values 中的数，按卷积的 (N, C, *spatial) 布局排列</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>PyTorch initialises the conv; the Linear is built from its weights</source>
            <translation>由 PyTorch 初始化卷积，再用它的权重构建 Linear</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>PyTorch initialises the Linear; the conv is built from its weights</source>
            <translation>由 PyTorch 初始化 Linear，再用它的权重构建卷积</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>native conv</source>
            <translation>原生卷积</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>the convolution as the model writes it, in PyTorch's default memory format</source>
            <translation>模型中原样写出的卷积，使用 PyTorch 默认的内存格式</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>conv, channels-last</source>
            <translation>通道在后卷积（channels_last）</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>the same convolution on channels-last (NHWC) memory; 2-D convs only</source>
            <translation>同一个卷积，作用于通道在后（NHWC）的内存布局；仅限二维卷积</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>permute, Linear over channels, permute back (stride: subsample; groups: block-diagonal)</source>
            <translation>permute，在通道上做 Linear，再 permute 回来（有步长时先下采样；分组时权重为块对角矩阵）</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>original</source>
            <translation>原始</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>the model as built</source>
            <translation>构建出的模型本身</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>rewritten</source>
            <translation>改写后</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>the chosen pointwise convs replaced by Linear</source>
            <translation>选中的逐点卷积替换为 Linear</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>tuned</source>
            <translation>调优后</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>each chosen layer in the form that measured fastest</source>
            <translation>每个选中的层都采用实测最快的形式</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>unknown value {value}</source>
            <translation>未知取值 {value}</translation>
        </message>
        <message>
            <location filename="../../core/registry.py" />
            <source>choose one of {choices}</source>
            <translation>请从 {choices} 中选择</translation>
        </message>
    </context>
    <context>
        <name>Round trip</name>
        <message>
            <location filename="../../core/round_trip.py" />
            <source>NOT exact: the Linear's weights are not the conv's gathered through the index map</source>
            <translation>不精确：Linear 的权重不等于经索引映射收集的卷积权重</translation>
        </message>
        <message>
            <location filename="../../core/round_trip.py" />
            <source>exact</source>
            <translation>精确</translation>
        </message>
        <message>
            <location filename="../../core/round_trip.py" />
            <source>exact for the {held:,} weights the Linear holds; {unreachable:,} of {total:,} conv weights are kernel taps that only ever meet padding: the Linear never multiplies them, so it cannot give them back (they never affect the output)</source>
            <translation>Linear 持有的 {held:,} 个权重精确还原；{total:,} 个卷积权重中有 {unreachable:,} 个是只会碰到填充的卷积核位置：Linear 从不与它们相乘，因此无法还原它们（它们也从不影响输出）</translation>
        </message>
    </context>
    <context>
        <name>Sessions</name>
        <message>
            <location filename="../../core/session.py" />
            <source>nothing was changed; choose a session saved by LinConv Lab</source>
            <translation>未做任何更改；请选择由 LinConv Lab 保存的会话</translation>
        </message>
        <message>
            <location filename="../../core/session.py" />
            <source>unsupported version {version} (this app reads version {supported})</source>
            <translation>不支持的版本 {version}（本程序读取版本 {supported}）</translation>
        </message>
        <message>
            <location filename="../../core/session.py" />
            <source>a session</source>
            <translation>会话文件</translation>
        </message>
        <message>
            <location filename="../../core/session.py" />
            <source>'spec' must be an object</source>
            <translation>'spec' 必须是对象</translation>
        </message>
        <message>
            <location filename="../../core/session.py" />
            <source>'view' must be an object</source>
            <translation>'view' 必须是对象</translation>
        </message>
        <message>
            <location filename="../../core/session.py" />
            <source>not a LinConv Lab session (expected "format": "{format}")</source>
            <translation>不是 LinConv Lab 会话（应含 "format": "{format}"）</translation>
        </message>
        <message>
            <location filename="../../core/session.py" />
            <source>invalid spec: {error}</source>
            <translation>层配置无效：{error}</translation>
        </message>
    </context>
    <context>
        <name>Spec fields</name>
        <message>
            <location filename="../../core/spec.py" />
            <source>must be a whole number, got {value}</source>
            <translation>必须是整数，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>use true or false</source>
            <translation>请用 true 或 false</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>use an integer &gt;= {minimum}</source>
            <translation>请用 &gt;= {minimum} 的整数</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>use {maximum:,} or less</source>
            <translation>请用不超过 {maximum:,} 的值</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>{dims}-D layers take {dims} value, got {count} ({value})</source>
            <translation>{dims}-D 层需要 {dims} 个值，实际为 {count} 个（{value}）</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>use e.g. 3</source>
            <translation>例如用 3</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>{dims}-D layers take {dims} values, got {count} ({value})</source>
            <translation>{dims}-D 层需要 {dims} 个值，实际为 {count} 个（{value}）</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>use e.g. 3 or 3x5</source>
            <translation>例如用 3 或 3x5</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>use input randn or arange</source>
            <translation>请把输入改为 randn 或 arange</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>is not a spec field</source>
            <translation>不是层配置字段</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>must be &lt;= {maximum:,}, got {value}</source>
            <translation>必须 &lt;= {maximum:,}，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>use e.g. 1, 2, 3, 4</source>
            <translation>例如用 1, 2, 3, 4</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>must be true or false, got {value}</source>
            <translation>必须是 true 或 false，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>must be &gt;= {minimum}, got {value}</source>
            <translation>必须 &gt;= {minimum}，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>use {minimum} or more</source>
            <translation>请用不小于 {minimum} 的值</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>at most {maximum:,} numbers, got {count:,}</source>
            <translation>最多 {maximum:,} 个数，实际为 {count:,} 个</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>known fields: {fields}</source>
            <translation>已知字段：{fields}</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>must be a list of numbers, got {type}</source>
            <translation>必须是数字列表，实际为 {type}</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>entry {index} must be a finite number, got {value}</source>
            <translation>索引 {index} 处的项必须是有限数，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/spec.py" />
            <source>use e.g. {example}</source>
            <translation>例如用 {example}</translation>
        </message>
    </context>
    <context>
        <name>Layer spec</name>
        <message>
            <location filename="../../core/spec.py" />
            <source>{layer} on {shape}, {dtype}</source>
            <translation>{layer}，输入 {shape}，{dtype}</translation>
        </message>
    </context>
    <context>
        <name>Story steps</name>
        <message>
            <location filename="../../core/story.py" />
            <source>use a whole number &gt;= 0</source>
            <translation>请用 &gt;= 0 的整数</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>drop 'highlight' or change the panel</source>
            <translation>请删除 'highlight' 或换一个面板</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>'highlight.cells' must be a list</source>
            <translation>'highlight.cells' 必须是列表</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>'caption' must be non-empty text</source>
            <translation>'caption' 必须是非空文本</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>see the presets</source>
            <translation>请参考内置预设</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>step {number}: {rule}</source>
            <translation>第 {number} 步：{rule}</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>use e.g. [0, 1]</source>
            <translation>例如用 [0, 1]</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>'{key}' is {value}</source>
            <translation>'{key}' 的值 {value} 无效</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>use one of {choices}</source>
            <translation>请使用以下之一：{choices}</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>use {{"target": NAME, "cells": [[row, col], ...]}}</source>
            <translation>请用 {{"target": NAME, "cells": [[row, col], ...]}}</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>panel {panel} has no heatmap to highlight</source>
            <translation>面板 {panel} 没有可高亮的热力图</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>at most {count} [row, col] pairs, or "all"</source>
            <translation>最多 {count} 个 [row, col] 坐标对，或 "all"</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>expected an object, got {value}</source>
            <translation>应为对象，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>use {{"caption": ..., "panel": ...}}</source>
            <translation>请用 {{"caption": ..., "panel": ...}}</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>unknown keys {unknown}, missing keys {missing}</source>
            <translation>未知键 {unknown}，缺少键 {missing}</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>keys: {keys}</source>
            <translation>可用的键：{keys}</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>at most {count} characters</source>
            <translation>最多 {count} 个字符</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>use a list of {choices}</source>
            <translation>请用由 {choices} 组成的列表</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>expected a list of 1..{maximum} steps, got {value}</source>
            <translation>应为包含 1..{maximum} 个步骤的列表，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../core/story.py" />
            <source>cell {cell} is not [row, col]</source>
            <translation>单元格 {cell} 不是 [row, col] 形式</translation>
        </message>
    </context>
    <context>
        <name>User presets</name>
        <message>
            <location filename="../../core/user_presets.py" />
            <source>use 1-40 lower-case letters, digits and dashes, starting with a letter or digit (e.g. my-conv)</source>
            <translation>请用 1-40 个小写字母、数字和连字符，以字母或数字开头（例如 my-conv）</translation>
        </message>
        <message>
            <location filename="../../core/user_presets.py" />
            <source>choose another name</source>
            <translation>请换一个名称</translation>
        </message>
        <message>
            <location filename="../../core/user_presets.py" />
            <source>the title is empty or too long</source>
            <translation>标题为空或过长</translation>
        </message>
        <message>
            <location filename="../../core/user_presets.py" />
            <source>the explanation is too long</source>
            <translation>说明过长</translation>
        </message>
        <message>
            <location filename="../../core/user_presets.py" />
            <source>a preset</source>
            <translation>预设文件</translation>
        </message>
        <message>
            <location filename="../../core/user_presets.py" />
            <source>choose a preset file saved by LinConv Lab</source>
            <translation>请选择由 LinConv Lab 保存的预设文件</translation>
        </message>
        <message>
            <location filename="../../core/user_presets.py" />
            <source>{name} is not a preset name</source>
            <translation>{name} 不是有效的预设名称</translation>
        </message>
        <message>
            <location filename="../../core/user_presets.py" />
            <source>{name} is already a built-in preset</source>
            <translation>{name} 已是内置预设</translation>
        </message>
        <message>
            <location filename="../../core/user_presets.py" />
            <source>use 1-{maximum} characters</source>
            <translation>请用 1-{maximum} 个字符</translation>
        </message>
        <message>
            <location filename="../../core/user_presets.py" />
            <source>use at most {maximum}</source>
            <translation>最多 {maximum} 个字符</translation>
        </message>
    </context>
    <context>
        <name>Validation</name>
        <message>
            <location filename="../../core/validation.py" />
            <source>mode {mode} would need about {peak} at its peak ({breakdown}, Linear weight {weight}), over the budget of {budget}</source>
            <translation>映射方式 {mode} 的内存峰值约为 {peak}（{breakdown}，Linear 权重 {weight}），超出预算 {budget}</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>set stride=1 or give padding as a number</source>
            <translation>请设 stride=1，或把填充设为数值</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>use a smaller input, batch or channel count, or mode unfold (no dense Toeplitz matrix)</source>
            <translation>请减小输入尺寸、批大小或通道数，或改用映射方式 unfold（不构建稠密 Toeplitz 矩阵）</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>use a smaller input, batch or channel count</source>
            <translation>请减小输入尺寸、批大小或通道数</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>output {axis} would be empty: {formula}</source>
            <translation>输出 {axis} 将为空：{formula}</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>the dilated kernel must fit the (padded) input: use kernel {axis} &lt;= {largest}, more padding, or a larger input</source>
            <translation>膨胀后的卷积核必须放得进（填充后的）输入：请让卷积核 {axis} &lt;= {largest}、增加填充，或增大输入</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>the input {shape} needs {needed:,} numbers, {given:,} given</source>
            <translation>输入 {shape} 需要 {needed:,} 个数，实际给出 {given:,} 个</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>give {needed:,} numbers, or choose the input {randn!r} or {arange!r}</source>
            <translation>请给出 {needed:,} 个数，或把输入改为 {randn!r} 或 {arange!r}</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>padding='same' needs stride 1 (PyTorch rule), got stride {stride}</source>
            <translation>padding='same' 要求步长为 1（PyTorch 的规定），实际步长为 {stride}</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>{name}={value} is not divisible by groups={groups}</source>
            <translation>{name}={value} 不能被 groups={groups} 整除</translation>
        </message>
        <message>
            <location filename="../../core/validation.py" />
            <source>groups must divide both cin={cin} and cout={cout}: use one of {choices}</source>
            <translation>groups 必须同时整除 cin={cin} 和 cout={cout}：可选 {choices}</translation>
        </message>
    </context>
    <context>
        <name>Variants</name>
        <message>
            <location filename="../../core/variants.py" />
            <source>this spec</source>
            <translation>当前层配置</translation>
        </message>
        <message>
            <location filename="../../core/variants.py" />
            <source>preset</source>
            <translation>预设</translation>
        </message>
    </context>
</TS>

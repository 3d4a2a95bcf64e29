<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>CLI errors</name>
        <message>
            <location filename="../../cli/arg_types.py" />
            <source>{rule}; {hint}</source>
            <translation>{rule}；{hint}</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>internal {kind}: {message} (rerun with LINCONV_DEBUG=1 for details)</source>
            <translation>内部错误 {kind}：{message}（设置 LINCONV_DEBUG=1 重新运行可查看详情）</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>{message} (see: {prog} --help)</source>
            <translation>{message}（参见：{prog} --help）</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>cannot write the output ({reason})</source>
            <translation>无法写出输出（{reason}）</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>interrupted</source>
            <translation>已中断</translation>
        </message>
        <message>
            <location filename="../../cli/write_errors.py" />
            <source>a previous file there is unchanged; choose a writable folder with free space</source>
            <translation>原有文件未被改动；请选择一个可写且有剩余空间的文件夹</translation>
        </message>
    </context>
    <context>
        <name>CLI bench</name>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>roofline ({threads} threads, {dtype}): peak {peak:.0f} GFLOP/s ({source}); bandwidth {levels} (copies of {copies}, source + destination)</source>
            <translation>Roofline 模型（{threads} 个线程，{dtype}）：峰值 {peak:.0f} GFLOP/s（{source}）；带宽 {levels}（复制 {copies}，源 + 目标）</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>allocator: {allocator}; isolation: {isolation}; TF32: {tf32}</source>
            <translation>内存分配器：{allocator}；隔离方式：{isolation}；TF32：{tf32}</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>use e.g. 1920</source>
            <translation>例如用 1920</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>is empty</source>
            <translation>为空</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>give a folder, e.g. --out results</source>
            <translation>请给出一个文件夹，例如 --out=results</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>--format needs --out DIR to write the files into</source>
            <translation>--format 需要 --out DIR 指定写入文件的目录</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>add --out DIR</source>
            <translation>请加上 --out DIR</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>excluded {name} at {value}: {reason}</source>
            <translation>已排除 {name}（{value}）：{reason}</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>excluded {name}: {reason}</source>
            <translation>已排除 {name}：{reason}</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>spec</source>
            <translation>层配置</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>must be between 64 and 16384 pixels, got {width}</source>
            <translation>必须在 64 到 16384 像素之间，实际为 {width}</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>unknown format(s) {formats}</source>
            <translation>未知格式 {formats}</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>choose from {formats}</source>
            <translation>请从 {formats} 中选择</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>wrote {path}</source>
            <translation>已写入 {path}</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>plots need the GUI toolkit, which is not available here</source>
            <translation>绘图需要图形界面工具包，但当前环境中不可用</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>use csv,json</source>
            <translation>请改用 csv,json</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <source>{point}:</source>
            <translation>{point}：</translation>
        </message>
    </context>
    <context>
        <name>CLI option hints</name>
        <message>
            <location filename="../../cli/bench_command.py" />
            <location filename="../../cli/model_command.py" />
            <source>use e.g. 0.5 (seconds)</source>
            <translation>例如用 0.5（秒）</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <location filename="../../cli/model_command.py" />
            <source>use e.g. 5</source>
            <translation>例如用 5</translation>
        </message>
        <message>
            <location filename="../../cli/bench_command.py" />
            <location filename="../../cli/export_command.py" />
            <source>use e.g. 1920</source>
            <translation>例如用 1920</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>use 1 or 2</source>
            <translation>请用 1 或 2</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>use e.g. 1024</source>
            <translation>例如用 1024</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>use e.g. 40</source>
            <translation>例如用 40</translation>
        </message>
        <message>
            <location filename="../../cli/export_command.py" />
            <source>use e.g. 120</source>
            <translation>例如用 120</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>use e.g. 2</source>
            <translation>例如用 2</translation>
        </message>
        <message>
            <location filename="../../cli/screenshot_command.py" />
            <source>use e.g. 0</source>
            <translation>例如用 0</translation>
        </message>
        <message>
            <location filename="../../cli/screenshot_command.py" />
            <source>use e.g. 1.5</source>
            <translation>例如用 1.5</translation>
        </message>
        <message>
            <location filename="../../cli/screenshot_command.py" />
            <source>use e.g. 1</source>
            <translation>例如用 1</translation>
        </message>
    </context>
    <context>
        <name>CLI check</name>
        <message>
            <location filename="../../cli/commands.py" />
            <source>mapping code:</source>
            <translation>映射代码：</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>PASS: outputs agree up to float rounding</source>
            <translation>通过：输出在浮点舍入误差内一致</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>FAIL: outputs differ beyond rounding</source>
            <translation>未通过：输出差异超出舍入误差</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>mode</source>
            <translation>映射方式</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>input transform</source>
            <translation>输入变换</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>max abs error</source>
            <translation>最大绝对误差</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>max rel error</source>
            <translation>最大相对误差</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>rounding bound</source>
            <translation>舍入误差界</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>bitwise equal</source>
            <translation>逐位相等</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>gradients agree</source>
            <translation>梯度一致</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>weights round trip</source>
            <translation>权重往返</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>Linear sparsity</source>
            <translation>Linear 稀疏度</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>conv output ({shape})</source>
            <translation>卷积输出（{shape}）</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>Linear output ({shape})</source>
            <translation>Linear 输出（{shape}）</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>{bound} (within: {within})</source>
            <translation>{bound}（在界内：{within}）</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>{percent:.1f}% of elements</source>
            <translation>{percent:.1f}% 的元素</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>{agree}  (max abs error {errors})</source>
            <translation>{agree}（最大绝对误差 {errors}）</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>{zeros:.2f}% structural zeros, {distinct} distinct weights, each used {reuse:.1f}x</source>
            <translation>{zeros:.2f}% 为结构性零，{distinct} 个不同的权重，每个平均使用 {reuse:.1f} 次</translation>
        </message>
    </context>
    <context>
        <name>CLI presets</name>
        <message>
            <location filename="../../cli/commands.py" />
            <source>use: {command} inspect --preset NAME  (or check / init)</source>
            <translation>用法：{command} inspect --preset NAME（或 check / init）</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>spec: {spec}</source>
            <translation>层配置：{spec}</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>shows</source>
            <translation>内容</translation>
        </message>
    </context>
    <context>
        <name>CLI</name>
        <message>
            <location filename="../../cli/commands.py" />
            <source>{layer} on input {shape}, {dtype}, mode {mode}</source>
            <translation>{layer}，输入 {shape}，{dtype}，映射方式 {mode}</translation>
        </message>
    </context>
    <context>
        <name>CLI inspect</name>
        <message>
            <location filename="../../cli/commands.py" />
            <source>preset {name} ({title}), changed: {changed}</source>
            <translation>预设 {name}（{title}），已修改：{changed}</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>variant</source>
            <translation>变体</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>conv params</source>
            <translation>卷积参数量</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>conv MACs</source>
            <translation>卷积 MACs</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>output shape</source>
            <translation>输出形状</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>receptive field</source>
            <translation>感受野</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>related</source>
            <translation>相关变体</translation>
        </message>
    </context>
    <context>
        <name>CLI init</name>
        <message>
            <location filename="../../cli/commands.py" />
            <source>conv</source>
            <translation>卷积</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>bound 1/sqrt(fan_in)</source>
            <translation>上界 1/sqrt(fan_in)</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>weight std (theory bound/sqrt(3))</source>
            <translation>权重标准差（理论值 bound/sqrt(3)）</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>output std, unit-variance input</source>
            <translation>输出标准差（输入方差为 1）</translation>
        </message>
        <message>
            <location filename="../../cli/commands.py" />
            <source>KS statistic {ks:.4f}, p = {p:.3g} ({samples:,} weights of each layer, pooled over {draws} draws)</source>
            <translation>KS 统计量 {ks:.4f}，p = {p:.3g}（每层 {samples:,} 个权重，汇总自 {draws} 次重新初始化）</translation>
        </message>
    </context>
    <context>
        <name>CLI export</name>
        <message>
            <location filename="../../cli/export_command.py" />
            <source>wrote {count} files to {folder}</source>
            <translation>已将 {count} 个文件写入 {folder}</translation>
        </message>
        <message>
            <location filename="../../cli/export_command.py" />
            <source>nothing was written; choose a writable folder (it is created if missing)</source>
            <translation>未写入任何文件；请选择一个可写的文件夹（不存在时会自动创建）</translation>
        </message>
        <message>
            <location filename="../../cli/export_command.py" />
            <source>use e.g. 1920</source>
            <translation>例如用 1920</translation>
        </message>
        <message>
            <location filename="../../cli/export_command.py" />
            <source>use e.g. 120</source>
            <translation>例如用 120</translation>
        </message>
        <message>
            <location filename="../../cli/export_command.py" />
            <source>the folder name is blank</source>
            <translation>文件夹名称为空白</translation>
        </message>
        <message>
            <location filename="../../cli/export_command.py" />
            <source>use e.g. --out slides</source>
            <translation>例如用 --out=slides</translation>
        </message>
        <message>
            <location filename="../../cli/export_command.py" />
            <source>no window renderer was given to the CLI (it never imports gui)</source>
            <translation>没有向 CLI 提供窗口渲染器（CLI 从不导入 gui）</translation>
        </message>
        <message>
            <location filename="../../cli/export_command.py" />
            <source>run: python main.py export</source>
            <translation>请运行：python main.py export</translation>
        </message>
        <message>
            <location filename="../../cli/export_command.py" />
            <source>must be between {low} and {high}, got {value}</source>
            <translation>必须在 {low} 到 {high} 之间，实际为 {value}</translation>
        </message>
    </context>
    <context>
        <name>CLI model</name>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>built-in examples (--example NAME):</source>
            <translation>内置示例（--example NAME）：</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>--file runs the Python file you name (importing it executes its code); weights are read with torch.load(weights_only=True), never unpickled as code.</source>
            <translation>--file 会运行你指定的 Python 文件（导入它就会执行其中的代码）；权重用 torch.load(weights_only=True) 读取，绝不会当作代码反序列化。</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>there is nothing rewritten to save</source>
            <translation>没有改写过的模型可以保存</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>add --rewrite pointwise (or layer names)</source>
            <translation>请加上 --rewrite pointwise（或层名）</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>{count} pointwise convs can become Linear: {command} model ... --rewrite pointwise</source>
            <translation>有 {count} 个逐点卷积可以改写为 Linear：{command} model ... --rewrite pointwise</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>is for --file</source>
            <translation>仅用于 --file</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>drop --class</source>
            <translation>请去掉 --class</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>a Python file needs the name of the model's class</source>
            <translation>Python 文件需要给出模型的类名</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>add --class NAME</source>
            <translation>请加上 --class NAME</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>is empty</source>
            <translation>为空</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>give a folder, e.g. results</source>
            <translation>请给出一个文件夹，例如 results</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>Rewritten as Linear ({count}): {names}</source>
            <translation>已改写为 Linear（{count} 个）：{names}</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>wrote {path}</source>
            <translation>已写入 {path}</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>Flatten sizes:</source>
            <translation>展平后的尺寸：</translation>
        </message>
        <message>
            <location filename="../../cli/model_command.py" />
            <source>timing stopped: {error}</source>
            <translation>计时中止：{error}</translation>
        </message>
    </context>
    <context>
        <name>CLI output paths</name>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>the name {name} is longer than {limit} bytes</source>
            <translation>名称 {name} 超过 {limit} 字节</translation>
        </message>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>choose a writable folder</source>
            <translation>请选择一个可写的文件夹</translation>
        </message>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>give a path with visible characters, e.g. results</source>
            <translation>请给出含可见字符的路径，例如 results</translation>
        </message>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>choose a shorter name</source>
            <translation>请换一个更短的名称</translation>
        </message>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>{what} ({reason})</source>
            <translation>{what}（{reason}）</translation>
        </message>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>use e.g. --out shot.png</source>
            <translation>例如用 --out shot.png</translation>
        </message>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>give a file name, e.g. --out shot.png</source>
            <translation>请给出文件名，例如 --out shot.png</translation>
        </message>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>choose a folder (it is created if missing)</source>
            <translation>请选择一个文件夹（不存在时会自动创建）</translation>
        </message>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>{path} has a blank name</source>
            <translation>{path} 的名称为空白</translation>
        </message>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>cannot create the folder {folder}</source>
            <translation>无法创建文件夹 {folder}</translation>
        </message>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>cannot write into the folder {folder}</source>
            <translation>无法写入文件夹 {folder}</translation>
        </message>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>{out} is not a .png file name</source>
            <translation>{out} 不是 .png 文件名</translation>
        </message>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>{out} is a folder</source>
            <translation>{out} 是一个文件夹</translation>
        </message>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>{folder} is a file, not a folder</source>
            <translation>{folder} 是文件，不是文件夹</translation>
        </message>
        <message>
            <location filename="../../cli/output_paths.py" />
            <source>cannot use {out}</source>
            <translation>无法使用 {out}</translation>
        </message>
    </context>
    <context>
        <name>CLI screenshot</name>
        <message>
            <location filename="../../cli/screenshot_command.py" />
            <source>use e.g. 1920x1080</source>
            <translation>例如用 1920x1080</translation>
        </message>
        <message>
            <location filename="../../cli/screenshot_command.py" />
            <source>must be between 0 and {last} (the output positions), got {step}</source>
            <translation>必须在 0 到 {last} 之间（输出位置），实际为 {step}</translation>
        </message>
        <message>
            <location filename="../../cli/screenshot_command.py" />
            <source>use e.g. 1.5</source>
            <translation>例如用 1.5</translation>
        </message>
        <message>
            <location filename="../../cli/screenshot_command.py" />
            <source>must be between 1 and {count} (the steps of {preset}'s story), got {step}</source>
            <translation>必须在 1 到 {count} 之间（{preset} 讲解的步骤），实际为 {step}</translation>
        </message>
        <message>
            <location filename="../../cli/screenshot_command.py" />
            <source>use e.g. 0</source>
            <translation>例如用 0</translation>
        </message>
        <message>
            <location filename="../../cli/screenshot_command.py" />
            <source>use e.g. 1, or leave it out for no story</source>
            <translation>例如用 1；不需要讲解时省略此选项</translation>
        </message>
        <message>
            <location filename="../../cli/screenshot_command.py" />
            <source>no window renderer was given to the CLI (it never imports gui)</source>
            <translation>没有向 CLI 提供窗口渲染器（CLI 从不导入 gui）</translation>
        </message>
        <message>
            <location filename="../../cli/screenshot_command.py" />
            <source>run: python main.py screenshot</source>
            <translation>请运行：python main.py screenshot</translation>
        </message>
        <message>
            <location filename="../../cli/screenshot_command.py" />
            <source>{size} is outside {bounds}</source>
            <translation>{size} 超出范围 {bounds}</translation>
        </message>
        <message>
            <location filename="../../cli/screenshot_command.py" />
            <source>wrote {path}</source>
            <translation>已写入 {path}</translation>
        </message>
        <message>
            <location filename="../../cli/screenshot_command.py" />
            <source>expected WxH, got {value}</source>
            <translation>应为 WxH 格式，实际为 {value}</translation>
        </message>
    </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>Export</name>
        <message>
            <location filename="../../gui/export_figures.py" />
            <source>no benchmark results yet (run one in the Speed tab, or use the bench command)</source>
            <translation>还没有基准测试结果（请在“速度”标签页运行一次，或使用 bench 命令）</translation>
        </message>
        <message>
            <location filename="../../gui/export_figures.py" />
            <source>no claim has been tested in this window yet</source>
            <translation>本窗口中还没有检验过任何说法</translation>
        </message>
        <message>
            <location filename="../../gui/export_figures.py" />
            <source>default-init weights of both layers, histograms and bounds ±1/√fan_in</source>
            <translation>两层的默认初始化权重：直方图与边界 ±1/√fan_in</translation>
        </message>
        <message>
            <location filename="../../gui/export_figures.py" />
            <source>its computation has not finished</source>
            <translation>它的计算还没有完成</translation>
        </message>
        <message>
            <location filename="../../gui/export_figures.py" />
            <source>{panel}: a table, not a figure (inspect --preset NAME prints it)</source>
            <translation>{panel}：这是表格而非图（用 inspect --preset NAME 打印）</translation>
        </message>
        <message>
            <location filename="../../gui/export_figures.py" />
            <source>{panel}: {reason}</source>
            <translation>{panel}：{reason}</translation>
        </message>
        <message>
            <location filename="../../gui/export_figures.py" />
            <source>its computation failed: {reason}</source>
            <translation>它的计算失败了：{reason}</translation>
        </message>
        <message>
            <location filename="../../gui/export_headless.py" />
            <source>or export in English: --lang en</source>
            <translation>或改用英文导出：--lang en</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>nothing has been computed yet</source>
            <translation>还没有任何计算结果</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>the sliding window as a looping animation, one frame per output position ({count} in all)</source>
            <translation>滑动窗口的循环动画，每个输出位置一帧（共 {count} 帧）</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>the sliding window as a looping animation: an even sample of {count} of the {positions} output positions (both ends included), one frame each</source>
            <translation>滑动窗口的循环动画：从 {positions} 个输出位置中均匀抽取 {count} 个（含首尾两端），每个一帧</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>{panel}: {title}</source>
            <translation>{panel}：{title}</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>{parameter} is invalid: fix it first, so the export shows what the fields say</source>
            <translation>{parameter} 无效：请先修正，导出的内容才会与参数栏一致</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>waiting for the lab to finish computing…</source>
            <translation>正在等待计算完成…</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>{figure} (PNG, {width}×{height} px; data in {data})</source>
            <translation>{figure}（PNG，{width}×{height} 像素；数据见 {data}）</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>{figure} (SVG)</source>
            <translation>{figure}（SVG）</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>the Sliding window panel at output position {position} (frame {number} of {count})</source>
            <translation>滑动窗口面板在输出位置 {position} 处（第 {number} 帧，共 {count} 帧）</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>preparing the figures…</source>
            <translation>正在准备图表…</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>drawing the sliding-window animation</source>
            <translation>正在绘制滑动窗口动画</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>data of {figure} (CSV)</source>
            <translation>{figure} 的数据（CSV）</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>encoding the pictures…</source>
            <translation>正在编码图片…</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>drew {name}</source>
            <translation>已绘制 {name}</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>drew frame {number} of the animation</source>
            <translation>已绘制动画第 {number} 帧</translation>
        </message>
        <message>
            <location filename="../../gui/export_render.py" />
            <source>drawing {name}</source>
            <translation>正在绘制 {name}</translation>
        </message>
        <message>
            <location filename="../../gui/export_runner.py" />
            <source>Not exported</source>
            <translation>未导出</translation>
        </message>
        <message>
            <location filename="../../gui/export_runner.py" />
            <source>an export is already running</source>
            <translation>已有一个导出正在进行</translation>
        </message>
        <message>
            <location filename="../../gui/export_runner.py" />
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <location filename="../../gui/export_runner.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/export_runner.py" />
            <source>Export all</source>
            <translation>全部导出</translation>
        </message>
        <message>
            <location filename="../../gui/export_runner.py" />
            <source>Export every figure, the data and a script to</source>
            <translation>将所有图表、数据和脚本导出到</translation>
        </message>
        <message>
            <location filename="../../gui/export_runner.py" />
            <source>Export &amp;all (figures, animation, data, script)…</source>
            <translation>全部导出（图表、动画、数据、脚本）(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../gui/export_runner.py" />
            <source>exported {count} files to {folder} (index.md lists them)</source>
            <translation>已将 {count} 个文件导出到 {folder}（清单见 index.md）</translation>
        </message>
        <message>
            <location filename="../../gui/export_runner.py" />
            <source>not exported: {reason}</source>
            <translation>未导出：{reason}</translation>
        </message>
        <message>
            <location filename="../../gui/export_runner.py" />
            <source>{reason}

Nothing was written.</source>
            <translation>{reason}

没有写入任何文件。</translation>
        </message>
        <message>
            <location filename="../../gui/export_runner.py" />
            <source>export cancelled: nothing was written to {folder}</source>
            <translation>导出已取消：没有向 {folder} 写入任何文件</translation>
        </message>
    </context>
    <context>
        <name>Figure data</name>
        <message>
            <location filename="../../gui/figure_data.py" />
            <source>row</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../gui/figure_data.py" />
            <source>column</source>
            <translation>列</translation>
        </message>
        <message>
            <location filename="../../gui/figure_data.py" />
            <source>shown in {block}×{block} blocks</source>
            <translation>按 {block}×{block} 分块显示</translation>
        </message>
    </context>
    <context>
        <name>Image files</name>
        <message>
            <location filename="../../gui/image_file.py" />
            <source>Qt cannot write .{suffix} images (use .png)</source>
            <translation>Qt 无法写入 .{suffix} 图像（请使用 .png）</translation>
        </message>
        <message>
            <location filename="../../gui/image_file.py" />
            <source>Qt could not encode the image as {format} ({reason})</source>
            <translation>Qt 无法将图像编码为 {format}（{reason}）</translation>
        </message>
    </context>
    <context>
        <name>Window start</name>
        <message>
            <location filename="../../gui/launch.py" />
            <source>no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset). Run it on a desktop, under `xvfb-run {command}`, or use the headless commands: {command} --help</source>
            <translation>没有可以打开窗口的显示器（DISPLAY 和 WAYLAND_DISPLAY 均未设置）。请在桌面环境中运行，或用 `xvfb-run {command}` 运行，或使用无界面命令：{command} --help</translation>
        </message>
        <message>
            <location filename="../../gui/launch.py" />
            <source>unknown language {language}: use one of {languages}</source>
            <translation>未知语言 {language}：可选 {languages}</translation>
        </message>
    </context>
    <context>
        <name>Main window</name>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&lt;table&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+1 … Ctrl+9&lt;/td&gt;&lt;td&gt;presets (each starts its story), in teaching order&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;→ / ← or Page Down / Page Up&lt;/td&gt;&lt;td&gt;next / previous story step (a presenter's clicker sends these)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;F11 / Esc&lt;/td&gt;&lt;td&gt;presentation mode on / off&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+Shift+1 … 5&lt;/td&gt;&lt;td&gt;mapping mode: auto, pointwise, full, unrolled, unfold&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+Tab / Ctrl+Shift+Tab&lt;/td&gt;&lt;td&gt;next / previous panel&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Alt+W, Alt+L, Alt+E, Alt+N, Alt+C, Alt+P&lt;/td&gt;&lt;td&gt;Weights, Sliding window, Equality, Init, Code, Speed&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+E&lt;/td&gt;&lt;td&gt;export the current panel as PNG&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+Shift+E&lt;/td&gt;&lt;td&gt;export all: every figure, the data, the animation and a script, into one folder&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+O / Ctrl+S&lt;/td&gt;&lt;td&gt;open / save a session&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl++ / Ctrl+- / Ctrl+0&lt;/td&gt;&lt;td&gt;font zoom in / out / reset&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+T&lt;/td&gt;&lt;td&gt;light / dark theme&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Alt + underlined letter&lt;/td&gt;&lt;td&gt;jump to that parameter&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;</source>
            <translation>&lt;table&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+1 … Ctrl+9&lt;/td&gt;&lt;td&gt;预设（按教学顺序，每个都会开始其讲解）&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;→ / ← 或 Page Down / Page Up&lt;/td&gt;&lt;td&gt;讲解的下一步 / 上一步（演示翻页笔发送的正是这些按键）&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;F11 / Esc&lt;/td&gt;&lt;td&gt;开启 / 关闭演示模式&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+Shift+1 … 5&lt;/td&gt;&lt;td&gt;映射方式：自动、逐点、全尺寸卷积核、展开、unfold（im2col）&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+Tab / Ctrl+Shift+Tab&lt;/td&gt;&lt;td&gt;下一个 / 上一个面板&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Alt+W, Alt+L, Alt+E, Alt+N, Alt+C, Alt+P&lt;/td&gt;&lt;td&gt;权重、滑动窗口、等价性、初始化、代码、速度&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+E&lt;/td&gt;&lt;td&gt;将当前面板导出为 PNG&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+Shift+E&lt;/td&gt;&lt;td&gt;全部导出：所有图、数据、动画和脚本，写入同一个文件夹&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+O / Ctrl+S&lt;/td&gt;&lt;td&gt;打开 / 保存会话&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl++ / Ctrl+- / Ctrl+0&lt;/td&gt;&lt;td&gt;字体放大 / 缩小 / 重置&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+T&lt;/td&gt;&lt;td&gt;浅色 / 深色主题&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Alt + 带下划线的字母&lt;/td&gt;&lt;td&gt;跳到对应参数&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Weights</source>
            <translation>权重(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>S&amp;liding window</source>
            <translation>滑动窗口(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Equality</source>
            <translation>等价性(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>I&amp;nit</source>
            <translation>初始化(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Code</source>
            <translation>代码(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Compare</source>
            <translation>对比</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>S&amp;peed</source>
            <translation>速度(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Claims</source>
            <translation>常见说法</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Models</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>the conv</source>
            <translation>卷积</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>the Linear side (mapping and matrices)</source>
            <translation>Linear 一侧（映射与矩阵）</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>the equality check</source>
            <translation>等价性检验</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>the init comparison</source>
            <translation>初始化对比</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Formulas</source>
            <translation>公式</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Open session…</source>
            <translation>打开会话(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Save session…</source>
            <translation>保存会话(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Export current panel as PNG…</source>
            <translation>将当前面板导出为 PNG(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>P&amp;resets</source>
            <translation>预设(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;My presets</source>
            <translation>我的预设(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Save current as preset…</source>
            <translation>将当前配置保存为预设(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Import preset file…</source>
            <translation>导入预设文件(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Export current as preset file…</source>
            <translation>将当前配置导出为预设文件(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Mapping mode</source>
            <translation>映射方式(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Next panel</source>
            <translation>下一个面板</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Previous panel</source>
            <translation>上一个面板</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Presentation (full screen, large type)</source>
            <translation>演示模式（全屏、大字号）(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Toggle light/dark &amp;theme</source>
            <translation>切换浅色/深色主题(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Zoom &amp;in (fonts)</source>
            <translation>放大字体(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Zoom &amp;out (fonts)</source>
            <translation>缩小字体(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Reset zoom</source>
            <translation>重置缩放(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>&amp;About LinConv Lab</source>
            <translation>关于 LinConv Lab(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Takes effect after restart</source>
            <translation>重启后生效</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Import preset</source>
            <translation>导入预设</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>LinConv Lab preset (*.json)</source>
            <translation>LinConv Lab 预设 (*.json)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Export preset</source>
            <translation>导出预设</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Open session</source>
            <translation>打开会话</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>LinConv Lab session (*.json)</source>
            <translation>LinConv Lab 会话 (*.json)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Save session</source>
            <translation>保存会话</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Export panel</source>
            <translation>导出面板</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>About LinConv Lab</source>
            <translation>关于 LinConv Lab</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>LinConv Lab: see and measure how nn.Linear and nn.Conv1d/Conv2d relate.
Every number comes from the core engine; linconv-lab --help for the headless tools.</source>
            <translation>LinConv Lab：直观地观察并实测 nn.Linear 与 nn.Conv1d/Conv2d 之间的关系。
所有数字都由核心引擎算出；无界面的命令行工具见 linconv-lab --help。</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>{mode} mapping · {shape}outputs agree (max abs error {error:.2g}, {dtype})</source>
            <translation>{mode} 映射 · {shape}输出一致（最大绝对误差 {error:.2g}，{dtype}）</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>{mode} mapping · {shape}outputs DIFFER (max abs error {error:.2g}, {dtype})</source>
            <translation>{mode} 映射 · {shape}输出【不一致】（最大绝对误差 {error:.2g}，{dtype}）</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Preset not saved</source>
            <translation>预设未保存</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>no valid spec yet: fix the parameters first</source>
            <translation>还没有有效的层配置：请先修正参数</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>{mode} mapping · {spec} · computing…</source>
            <translation>{mode} 映射 · {spec} · 计算中…</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>{stage} failed: {message}</source>
            <translation>{stage}失败：{message}</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>current</source>
            <translation>已是最新</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>preset {name}: {title}</source>
            <translation>预设 {name}：{title}</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>saved preset {name} ({path}); Presets → My presets reloads it</source>
            <translation>已保存预设 {name}（{path}）；可从“预设 → 我的预设”重新载入</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Preset not imported</source>
            <translation>预设未导入</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>imported preset {name} into {folder}</source>
            <translation>已将预设 {name} 导入到 {folder}</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>no valid spec yet</source>
            <translation>还没有有效的层配置</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>fix the parameters first</source>
            <translation>请先修正参数</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Preset not exported</source>
            <translation>预设未导出</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>exported preset file {path}</source>
            <translation>已导出预设文件 {path}</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Session not saved</source>
            <translation>会话未保存</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source> (the last valid spec: {parameter} is invalid and was not saved)</source>
            <translation>（保存的是最后一个有效的层配置：{parameter} 无效，未保存）</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>saved session to {path}{note}</source>
            <translation>已将会话保存到 {path}{note}</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Session not loaded</source>
            <translation>会话未加载</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source> (ignored {ignored}: not a valid view setting)</source>
            <translation>（已忽略 {ignored}：不是有效的视图设置）</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>loaded session {name}{note}</source>
            <translation>已加载会话 {name}{note}</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Not exported</source>
            <translation>未导出</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>exported {path}</source>
            <translation>已导出 {path}</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>{title}: {text}</source>
            <translation>{title}：{text}</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>window layout</source>
            <translation>窗口布局</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>, a story in {count} steps</source>
            <translation>，含 {count} 步讲解</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>{number}. {title}  ({name}{steps})</source>
            <translation>{number}. {title}（{name}{steps}）</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Language: {language} (in use)</source>
            <translation>界面语言：{language}（正在使用）</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Language: {language}, takes effect after restart</source>
            <translation>界面语言：{language}，重启后生效</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>invalid: {error}</source>
            <translation>无效：{error}</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>{title}  ({name})</source>
            <translation>{title}（{name}）</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>the last spec</source>
            <translation>上次的层配置</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>settings: ignored {notes} (corrupt or from another version); defaults used</source>
            <translation>设置：已忽略 {notes}（已损坏或来自其他版本），改用默认值</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Stale: shown for the last valid spec. {parameter} is invalid.</source>
            <translation>已过期：显示的是最后一个有效层配置的结果。{parameter} 无效。</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Could not compute {stage}: {reason}</source>
            <translation>无法计算{stage}：{reason}</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Computing {stage}… (the previous spec's results, dimmed)</source>
            <translation>正在计算{stage}…（淡化显示的是上一个层配置的结果）</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" />
            <source>Computing {stage}…</source>
            <translation>正在计算{stage}…</translation>
        </message>
    </context>
    <context>
        <name>Plot menu</name>
        <message>
            <location filename="../../gui/plot_menu.py" />
            <source>Export PNG…</source>
            <translation>导出 PNG…</translation>
        </message>
        <message>
            <location filename="../../gui/plot_menu.py" />
            <source>Export SVG…</source>
            <translation>导出 SVG…</translation>
        </message>
        <message>
            <location filename="../../gui/plot_menu.py" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location filename="../../gui/plot_menu.py" />
            <source>Copy image</source>
            <translation>复制图像</translation>
        </message>
        <message>
            <location filename="../../gui/plot_menu.py" />
            <source>View all</source>
            <translation>显示全部</translation>
        </message>
        <message>
            <location filename="../../gui/plot_menu.py" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../../gui/plot_menu.py" />
            <source>SVG drawing (*.svg)</source>
            <translation>SVG 矢量图 (*.svg)</translation>
        </message>
        <message>
            <location filename="../../gui/plot_menu.py" />
            <source>CSV table (*.csv)</source>
            <translation>CSV 表格 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../gui/plot_menu.py" />
            <source>Export the figure</source>
            <translation>导出图表</translation>
        </message>
        <message>
            <location filename="../../gui/plot_menu.py" />
            <source>copied the figure to the clipboard</source>
            <translation>已将图表复制到剪贴板</translation>
        </message>
        <message>
            <location filename="../../gui/plot_menu.py" />
            <source>Not exported</source>
            <translation>未导出</translation>
        </message>
        <message>
            <location filename="../../gui/plot_menu.py" />
            <source>exported {path}</source>
            <translation>已导出 {path}</translation>
        </message>
        <message>
            <location filename="../../gui/plot_menu.py" />
            <source>not exported: {reason}</source>
            <translation>未导出：{reason}</translation>
        </message>
    </context>
    <context>
        <name>Preset dialog</name>
        <message>
            <location filename="../../gui/widgets/preset_dialog.py" />
            <source>Save as preset</source>
            <translation>保存为预设</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/preset_dialog.py" />
            <source>e.g. my-conv (letters, digits, dashes)</source>
            <translation>例如 my-conv（字母、数字、连字符）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/preset_dialog.py" />
            <source>What this spec shows, in plain words (optional)</source>
            <translation>用通俗的话说明这个层配置展示了什么（可选）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/preset_dialog.py" />
            <source>&amp;Name</source>
            <translation>名称(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/preset_dialog.py" />
            <source>T&amp;itle</source>
            <translation>标题(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/preset_dialog.py" />
            <source>E&amp;xplanation</source>
            <translation>说明(&amp;X)</translation>
        </message>
    </context>
    <context>
        <name>Story bar</name>
        <message>
            <location filename="../../gui/widgets/story_bar.py" />
            <source>story step</source>
            <translation>讲解步骤</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/story_bar.py" />
            <source>◀ Previous</source>
            <translation>◀ 上一步</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/story_bar.py" />
            <source>Previous step (← or Page Up)</source>
            <translation>上一步（← 或 Page Up）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/story_bar.py" />
            <source>Next ▶</source>
            <translation>下一步 ▶</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/story_bar.py" />
            <source>Next step (→ or Page Down)</source>
            <translation>下一步（→ 或 Page Down）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/story_bar.py" />
            <source>Leave story</source>
            <translation>退出讲解</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/story_bar.py" />
            <source>Stop the story and keep what is shown (editing any parameter does the same)</source>
            <translation>结束讲解，保留当前显示的内容（修改任一参数也会如此）</translation>
        </message>
    </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>Claims panel</name>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>Sobel (target)</source>
            <translation>Sobel（目标）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>the pair's kernel</source>
            <translation>卷积对的等效卷积核</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>Laplacian (target)</source>
            <translation>Laplacian（目标）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>best pair (rank 1)</source>
            <translation>最佳卷积对（秩 1）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>Laplacian − pair</source>
            <translation>Laplacian − 卷积对</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>bias leak</source>
            <translation>偏置泄漏</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>weight value</source>
            <translation>权重值</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>Not measured yet: press Run (about 10 s).</source>
            <translation>尚未测量：点击“运行”（约 10 s）。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>ms per call (IQR)</source>
            <translation>每次调用耗时 ms（IQR）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>page faults/call</source>
            <translation>每次调用的缺页异常</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>[1,2,1]ᵀ [−1,0,1]: rank 1</source>
            <translation>[1,2,1]ᵀ [−1,0,1]：秩为 1</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>&amp;Run</source>
            <translation>运行(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>Linear weights</source>
            <translation>Linear 权重</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>conv weights</source>
            <translation>conv 权重</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>depthwise:</source>
            <translation>逐通道（depthwise）：</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>Toeplitz Linear:</source>
            <translation>Toeplitz Linear：</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>input column</source>
            <translation>输入列</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>input row</source>
            <translation>输入行</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>1 (red) = read by the conv, 0 = never read</source>
            <translation>1（红色）= 被卷积读取，0 = 从未读取</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>column</source>
            <translation>列</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>row</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>✓ right</source>
            <translation>✓ 正确</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>cancelled: the result shown is from the previous run</source>
            <translation>已取消：显示的是上一次运行的结果</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>“{quote}”</source>
            <translation>“{quote}”</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>MEASURING…</source>
            <translation>测量中…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>COMPUTING…</source>
            <translation>计算中…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>a run is in progress</source>
            <translation>正在运行</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>&amp;Run again</source>
            <translation>再次运行(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>The plots appear when the measurement finishes.</source>
            <translation>测量完成后显示图表。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>No measurement yet.</source>
            <translation>尚无测量结果。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>dashed: ±1/√fan_in</source>
            <translation>虚线：±1/√fan_in</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>equal fan_in {fan_in}:</source>
            <translation>fan_in 相同（{fan_in}）：</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>±{bound:.3g} both, KS p = {p:.2f}</source>
            <translation>两者均为 ±{bound:.3g}，KS p = {p:.2f}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>±{linear:.3g} vs conv ±{conv:.3g}</source>
            <translation>±{linear:.3g}，对比 conv ±{conv:.3g}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>1×3 then 3×1 composed: max error {error:.2g}</source>
            <translation>先 1×3 再 3×1 组合：最大误差 {error:.2g}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>singular values {values}</source>
            <translation>奇异值 {values}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>error {error:.3f} = √(s₂²+s₃²)</source>
            <translation>误差 {error:.3f} = √(s₂²+s₃²)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>{percent:.0f}% of the Laplacian's norm</source>
            <translation>为 Laplacian 范数的 {percent:.0f}%</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>pair − best 3×3: non-zero on rows {rows} only, max {max:.3f}</source>
            <translation>卷积对 − 最佳 3×3：仅第 {rows} 行非零，最大 {max:.3f}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>claim:
{formula}</source>
            <translation>说法：
{formula}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>module:
{code}</source>
            <translation>模块：
{code}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>verdict: {verdict}</source>
            <translation>结论：{verdict}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>Tested: {description}.</source>
            <translation>检验内容：{description}。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>Testing the claim…</source>
            <translation>正在检验该说法…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>starting…</source>
            <translation>启动中…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>{input} → {output}: {used} of {total} read</source>
            <translation>{input} → {output}：{total} 个位置中读取了 {used} 个</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>CANCELLED</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>the run was cancelled</source>
            <translation>运行已取消</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>Not tested yet: press Run (a second).</source>
            <translation>尚未检验：点击“运行”（约一秒）。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>Not tested yet: press Run (about 10 s, timed live).</source>
            <translation>尚未检验：点击“运行”（约 10 s，现场计时）。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>{count} threads</source>
            <translation>{count} 线程</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>{count} thread</source>
            <translation>{count} 线程</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>ERROR</source>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>NOT RUN</source>
            <translation>未运行</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>press Run to test the claim</source>
            <translation>点击“运行”检验该说法</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>({faults} faults/call)</source>
            <translation>（每次调用缺页 {faults}）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/claims.py" />
            <source>error: {error}</source>
            <translation>错误：{error}</translation>
        </message>
    </context>
    <context>
        <name>Code panel</name>
        <message>
            <location filename="../../gui/panels/code.py" />
            <source>&amp;Copy code</source>
            <translation>复制代码(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/code.py" />
            <source>Input: {fill}. Transform: {transform}.</source>
            <translation>输入：{fill}。变换：{transform}。</translation>
        </message>
    </context>
    <context>
        <name>Compare panel</name>
        <message>
            <location filename="../../gui/panels/compare.py" />
            <source>parameters</source>
            <translation>参数量</translation>
        </message>
        <message>
            <location filename="../../gui/panels/compare.py" />
            <source>multiply-adds</source>
            <translation>乘加次数</translation>
        </message>
        <message>
            <location filename="../../gui/panels/compare.py" />
            <source>output shape</source>
            <translation>输出形状</translation>
        </message>
        <message>
            <location filename="../../gui/panels/compare.py" />
            <source>receptive field</source>
            <translation>感受野</translation>
        </message>
        <message>
            <location filename="../../gui/panels/compare.py" />
            <source>This spec has no related variants to compare. The parameter-count presets show it with and without bias; the 1×3 then 3×1 preset shows the pair beside the 3×3 it replaces.</source>
            <translation>当前层配置没有可对比的相关变体。参数量相关的预设会并排展示带偏置和不带偏置的情况；“先 1×3 再 3×1”预设会把这对卷积与它所替代的 3×3 卷积并排展示。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/compare.py" />
            <source>{spec}, beside its variants</source>
            <translation>{spec}，与其变体对比</translation>
        </message>
    </context>
    <context>
        <name>Equality panel</name>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>max abs error</source>
            <translation>最大绝对误差</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>max rel error</source>
            <translation>最大相对误差</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>allclose</source>
            <translation>allclose（近似相等）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>rounding bound</source>
            <translation>舍入误差界</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>bitwise equal</source>
            <translation>逐位相等</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>gradients</source>
            <translation>梯度</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>weights round trip</source>
            <translation>权重往返转换</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>|difference|</source>
            <translation>|差值|</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>|difference| (all 0)</source>
            <translation>|差值|（全为 0）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>|difference| (some not finite)</source>
            <translation>|差值|（部分为非有限值）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>Recompute in another precision: differences that shrink with it are rounding</source>
            <translation>换一种精度重新计算：随精度提高而缩小的差值来自舍入</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>Linear path</source>
            <translation>Linear 路径</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>checking…</source>
            <translation>检验中…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>stale</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>not checked</source>
            <translation>未检验</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>agree</source>
            <translation>一致</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>DIFFER</source>
            <translation>不一致</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>precision:</source>
            <translation>精度：</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>{answer} (rtol={rtol:g}, atol={atol:g})</source>
            <translation>{answer}（容差 rtol={rtol:g}, atol={atol:g}）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>{bound:.3g} — every difference within it: {answer}</source>
            <translation>{bound:.3g} — 所有差值均在此范围内：{answer}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>{percent:.1f}% of elements</source>
            <translation>{percent:.1f}% 的元素</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>{state} (max abs error {errors})</source>
            <translation>{state}（最大绝对误差 {errors}）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>PASS · outputs agree ({dtype})</source>
            <translation>通过 · 输出一致（{dtype}）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/equality.py" />
            <source>FAIL · outputs differ ({dtype})</source>
            <translation>未通过 · 输出不一致（{dtype}）</translation>
        </message>
    </context>
    <context>
        <name>Formulas panel</name>
        <message>
            <location filename="../../gui/panels/formulas.py" />
            <source>output tensor</source>
            <translation>输出张量</translation>
        </message>
    </context>
    <context>
        <name>Init panel</name>
        <message>
            <location filename="../../gui/panels/init.py" />
            <source>weight value</source>
            <translation>权重值</translation>
        </message>
        <message>
            <location filename="../../gui/panels/init.py" />
            <source>density</source>
            <translation>密度</translation>
        </message>
        <message>
            <location filename="../../gui/panels/init.py" />
            <source>Linear: fan_in {linear_fan_in}, bound 1/√fan_in = {linear_bound:.4g}, weight std {linear_weight_std:.4g}, output std {linear_output_std:.3f}   ·   conv: fan_in {conv_fan_in}, bound {conv_bound:.4g}, weight std {conv_weight_std:.4g}, output std {conv_output_std:.3f}   ·   KS D = {ks_statistic:.4f} (p = {ks_pvalue:.3g}), {draws} re-initialisations</source>
            <translation>Linear：fan_in {linear_fan_in}，边界 1/√fan_in = {linear_bound:.4g}，权重标准差 {linear_weight_std:.4g}，输出标准差 {linear_output_std:.3f}   ·   conv：fan_in {conv_fan_in}，边界 {conv_bound:.4g}，权重标准差 {conv_weight_std:.4g}，输出标准差 {conv_output_std:.3f}   ·   KS D = {ks_statistic:.4f}（p = {ks_pvalue:.3g}），重新初始化 {draws} 次</translation>
        </message>
        <message>
            <location filename="../../gui/panels/init.py" />
            <source>{name} weights</source>
            <translation>{name} 权重</translation>
        </message>
    </context>
    <context>
        <name>Models panel</name>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Flatten sizes</source>
            <translation>展平后的尺寸</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Python file (.py)…</source>
            <translation>Python 文件（.py）…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>TorchScript file…</source>
            <translation>TorchScript 文件…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Opening a Python file runs its code, as importing it would: open only files you trust. Weights are read as plain tensors (weights_only), never as code.</source>
            <translation>打开 Python 文件会运行其中的代码，和导入它一样：只打开你信任的文件。权重按普通张量读取（weights_only），绝不会当作代码执行。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>MACs</source>
            <translation>MACs</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>FLOPs = 2·MACs</source>
            <translation>FLOPs = 2·MACs</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>count bias adds</source>
            <translation>计入偏置加法</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Rewrite ticked as Linear &amp;&amp; verify</source>
            <translation>将勾选的层改写为 Linear 并验证</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Time before &amp;&amp; after</source>
            <translation>计时（改写前后）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>tune: try every form</source>
            <translation>调优：尝试每种形式</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>time native conv, channels-last conv and Linear for each ticked layer; keep a form only when its gain's 95% interval lies above 1</source>
            <translation>为每个勾选的层分别计时原生卷积、通道在后的卷积和 Linear；只有当某种形式加速比的 95% 区间整体高于 1 时才采用它</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>timing budget of each layer form and of each model variant</source>
            <translation>每种层形式、每个模型变体的计时时长</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Save rewritten…</source>
            <translation>保存改写后的模型…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Export report…</source>
            <translation>导出报告…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Choose a model and press Open.</source>
            <translation>请选择一个模型，然后点击“打开”。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Layers</source>
            <translation>各层</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Rewrite and timing</source>
            <translation>改写与计时</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Time plot</source>
            <translation>耗时图</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Python files (*.py)</source>
            <translation>Python 文件 (*.py)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Open a model file</source>
            <translation>打开模型文件</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>outputs equal</source>
            <translation>输出一致</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>outputs DIFFER</source>
            <translation>输出【不一致】</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>cancelled: partial results kept. </source>
            <translation>已取消：保留已完成的部分结果。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Save the rewritten model to</source>
            <translation>将改写后的模型保存到</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Export the model report to</source>
            <translation>将模型报告导出到</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>model file</source>
            <translation>模型文件</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>class name</source>
            <translation>类名</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>constructor arguments as JSON, e.g. {"width": 16}</source>
            <translation>构造函数参数（JSON），例如 {"width": 16}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>state dict (optional)</source>
            <translation>状态字典（可选）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>input shape, e.g. 2x24x16x16</source>
            <translation>输入形状，例如 2x24x16x16</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>count</source>
            <translation>计数</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>time each</source>
            <translation>每项计时</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>no file chosen</source>
            <translation>未选择文件</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>press Browse… to choose one</source>
            <translation>请点击“浏览…”选择一个文件</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>rewrite</source>
            <translation>改写</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Tick pointwise convs on the Layers page, then Rewrite, then Time.</source>
            <translation>先在“各层”页勾选逐点卷积，再点“改写”，然后“计时”。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>This model has no pointwise conv that can become a Linear.</source>
            <translation>这个模型没有可以改写为 Linear 的逐点卷积。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>a model from a file needs an input shape</source>
            <translation>来自文件的模型需要给出输入形状</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>{label}: {rows} layers in {seconds:.1f} s</source>
            <translation>{label}：{rows} 层，用时 {seconds:.1f} s</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>{count} layers rewritten as Linear: {verdict}</source>
            <translation>已将 {count} 个层改写为 Linear：{verdict}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>error: {error}. </source>
            <translation>错误：{error}。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>error: {error}</source>
            <translation>错误：{error}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>wrote {count} files to {directory}</source>
            <translation>已将 {count} 个文件写入 {directory}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>timing: {message}</source>
            <translation>计时：{message}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>timed in {seconds:.1f} s</source>
            <translation>计时完成，用时 {seconds:.1f} s</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Rewrite</source>
            <translation>改写</translation>
        </message>
        <message>
            <location filename="../../gui/panels/models.py" />
            <source>Timing</source>
            <translation>计时</translation>
        </message>
    </context>
    <context>
        <name>Parameters panel</name>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>numbers</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>1-D (Conv1d)</source>
            <translation>一维（Conv1d）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>2-D (Conv2d)</source>
            <translation>二维（Conv2d）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>bias</source>
            <translation>偏置</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>e.g. 1, 2, 3, 4</source>
            <translation>例如 1, 2, 3, 4</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>La&amp;yer</source>
            <translation>层(&amp;Y)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>C&amp;in</source>
            <translation>输入通道(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>C&amp;out</source>
            <translation>输出通道(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>&amp;Kernel</source>
            <translation>卷积核(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>&amp;Stride</source>
            <translation>步长(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>P&amp;adding</source>
            <translation>填充(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>&amp;Dilation</source>
            <translation>膨胀(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>&amp;Groups</source>
            <translation>分组(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>Inp&amp;ut size</source>
            <translation>输入尺寸(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>&amp;Batch</source>
            <translation>批大小(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>D&amp;type</source>
            <translation>数据类型(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>&amp;Mapping</source>
            <translation>映射方式(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/parameters.py" />
            <source>Initialise</source>
            <translation>初始化</translation>
        </message>
    </context>
    <context>
        <name>Sliding panel</name>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>Σ kernel ⊙ patch + bias</source>
            <translation>Σ 卷积核 ⊙ 图像块 + 偏置</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>{count} tap</source>
            <translation>{count} 个核元素</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>{count} taps</source>
            <translation>{count} 个核元素</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>a padding zero</source>
            <translation>填充零</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>padding zeros</source>
            <translation>填充零</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>output channel </source>
            <translation>输出通道 </translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>◀ Step</source>
            <translation>◀ 上一步</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>Step ▶</source>
            <translation>下一步 ▶</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>steps per second</source>
            <translation>每秒步数</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>input (padded)</source>
            <translation>输入（已填充）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>kernel</source>
            <translation>卷积核</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>conv output</source>
            <translation>卷积输出</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>matrix view</source>
            <translation>矩阵视图</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>column</source>
            <translation>列</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>row</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>the matrix view (still computing)</source>
            <translation>矩阵视图（仍在计算）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>output position</source>
            <translation>输出位置</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>patches: a column per position</source>
            <translation>图像块矩阵：每个位置一列</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>Toeplitz: a row per output</source>
            <translation>Toeplitz：每个输出一行</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>Linear.weight: a row per channel</source>
            <translation>Linear.weight：每个通道一行</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>dashed</source>
            <translation>虚线框</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>input channel {channel}</source>
            <translation>输入通道 {channel}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>input channels {first}–{last}</source>
            <translation>输入通道 {first}–{last}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source> (group {group})</source>
            <translation>（第 {group} 组）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>{real} on input, {padded} on {zeros}</source>
            <translation>输入上 {real}，{zeros}上 {padded}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>same number as {matrix}</source>
            <translation>与{matrix}算出的值相同</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>stride {stride}, dilation {dilation}, padding {padding}</source>
            <translation>步长 {stride}，膨胀 {dilation}，填充 {padding}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>kernel [{channel}, 0]</source>
            <translation>卷积核 [{channel}, 0]</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>output ch {channel}</source>
            <translation>输出通道 {channel}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>input ch {channel} ({mark}: padding)</source>
            <translation>输入通道 {channel}（{mark}：填充）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>input ch {channel}</source>
            <translation>输入通道 {channel}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>patch matrix column {column} · weight row {row}</source>
            <translation>图像块矩阵第 {column} 列 · 权重第 {row} 行</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>matrix row {row} (block row {block_row})</source>
            <translation>矩阵第 {row} 行（第 {block_row} 块行）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/sliding.py" />
            <source>matrix row {row}</source>
            <translation>矩阵第 {row} 行</translation>
        </message>
    </context>
    <context>
        <name>Speed panel</name>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>default</source>
            <translation>默认</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>tuned</source>
            <translation>调优</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>process</source>
            <translation>子进程</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>{quick}: {quick_time:g} s per implementation and point in {quick_rounds} rounds (the default); {precise}: {precise_time:g} s in {precise_rounds} rounds, tighter intervals for figures you quote</source>
            <translation>{quick}：每个实现、每个点 {quick_time:g} s，分 {quick_rounds} 轮（默认）；{precise}：{precise_time:g} s，分 {precise_rounds} 轮，区间更窄，适合要引用的数据</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>(no sweep)</source>
            <translation>（不扫描）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>forward + backward</source>
            <translation>前向 + 反向</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>&amp;Run benchmark</source>
            <translation>运行基准测试(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>Export plots…</source>
            <translation>导出图表…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>each in its own worker process</source>
            <translation>每个实现在各自的工作进程中运行</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>all in this process</source>
            <translation>全部在当前进程中运行</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>STALE · measuring {spec} · Run to measure the current spec</source>
            <translation>已过期 · 正在测量 {spec} · 运行以测量当前层配置</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>preparing: each implementation is checked against the float64 reference first…</source>
            <translation>准备中：先将每个实现与 float64 参考结果核对…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>cancelled: partial results kept. </source>
            <translation>已取消：保留已完成的部分结果。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>Export benchmark plots to</source>
            <translation>将基准测试图表导出到</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>e.g. 1,16,128</source>
            <translation>例如 1,16,128</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>implementations</source>
            <translation>实现</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>STALE · measured on {spec} · Run to measure the current spec</source>
            <translation>已过期 · 测量对象为 {spec} · 运行以测量当前层配置</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>no valid spec to benchmark yet</source>
            <translation>还没有可用于基准测试的有效层配置</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>fix the parameters first</source>
            <translation>请先修正参数</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>no implementation chosen</source>
            <translation>未选择任何实现</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>tick at least one implementation</source>
            <translation>请至少勾选一个实现</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>{count} results in {seconds:.1f} s</source>
            <translation>{seconds:.1f} s 内得到 {count} 个结果</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>excluded {names}: {reason}</source>
            <translation>已排除 {names}：{reason}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>sweep</source>
            <translation>扫描</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>values</source>
            <translation>取值</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>run length</source>
            <translation>运行时长</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>time per point</source>
            <translation>每点时长</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>rounds</source>
            <translation>轮数</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>allocator</source>
            <translation>内存分配器</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>isolation</source>
            <translation>隔离方式</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>expected: {estimate}</source>
            <translation>预计：{estimate}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source> at {count} {variable} values</source>
            <translation>（{count} 个 {variable} 取值）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>Press Run to measure {spec}: {estimate}.

{count} implementations{points}, {seconds:g} s each in {rounds} interleaved rounds, {where}. Choose the precise run length for figures you quote.</source>
            <translation>点击“运行基准测试”测量 {spec}：{estimate}。

{count} 个实现{points}，每个 {seconds:g} s，分 {rounds} 轮交替进行，{where}。要引用的数据请选择“精确”运行时长。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>measuring {spec}</source>
            <translation>正在测量 {spec}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>measured on {spec}</source>
            <translation>测量对象：{spec}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>error: {error}</source>
            <translation>错误：{error}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>error: {error}. </source>
            <translation>错误：{error}。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>wrote {count} files to {directory}</source>
            <translation>已将 {count} 个文件写入 {directory}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>Run needs: {error}</source>
            <translation>无法运行：{error}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/speed.py" />
            <source>error: export failed: {reason}</source>
            <translation>错误：导出失败：{reason}</translation>
        </message>
    </context>
    <context>
        <name>Weights panel</name>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>Colour the Linear matrix by value, or by which conv weight each entry shares</source>
            <translation>按数值为 Linear 矩阵着色，或按每个元素共享的卷积权重着色</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>in feature</source>
            <translation>输入特征</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>out feature</source>
            <translation>输出特征</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>patches (sample 0)</source>
            <translation>图像块（样本 0）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>source conv weight</source>
            <translation>来源卷积权重</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>Linear colour:</source>
            <translation>Linear 着色：</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>Linear.weight: computing…</source>
            <translation>Linear.weight：计算中…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source> Shown in {block}×{block} blocks (largest entry of each).</source>
            <translation>以 {block}×{block} 的块显示（每块取最大元素）。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>block at {entry}</source>
            <translation>{entry} 处的块</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>{count} Linear entry</source>
            <translation>{count} 个 Linear 元素</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>{count} Linear entries</source>
            <translation>{count} 个 Linear 元素</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>highlighted: the Linear entries equal to {weight}</source>
            <translation>已高亮：等于 {weight} 的 Linear 元素</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>{percent:.1f}% structural zeros; {distinct} distinct weights, each used {reuse:.1f}× on average.</source>
            <translation>{percent:.1f}% 为结构性零；共 {distinct} 个不同的权重，平均每个使用 {reuse:.1f} 次。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/weights.py" />
            <source>{entry} = 0 (structural zero: no conv weight maps here)</source>
            <translation>{entry} = 0（结构性零：没有卷积权重映射到这里）</translation>
        </message>
    </context>
    <context>
        <name>Benchmark plots</name>
        <message>
            <location filename="../../gui/plots/annotate.py" />
            <source>hollow: noisy (IQR &gt; {percent:.0f}% of median)</source>
            <translation>空心：噪声大（IQR &gt; 中位数的 {percent:.0f}%）</translation>
        </message>
        <message>
            <location filename="../../gui/plots/axes.py" />
            <location filename="../../gui/plots/ratio_bars.py" />
            <source>implementation</source>
            <translation>实现</translation>
        </message>
        <message>
            <location filename="../../gui/plots/axes.py" />
            <source>value</source>
            <translation>取值</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <source>median time per call (bars: first to third quartile of the runs)</source>
            <translation>每次调用的中位耗时（误差棒：各轮的第一至第三四分位数）</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <source>a point's bound is the roof of the level that holds its working set (bytes read and written per call)</source>
            <translation>每个点的上界是容纳其工作集（每次调用读写的字节数）的那一级存储的屋顶线</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <source>median time per call (ms)</source>
            <translation>单次中位耗时 (ms)</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <location filename="../../gui/plots/ratio_bars.py" />
            <source>baseline</source>
            <translation>基线</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <source>executed GFLOP/s</source>
            <translation>实际执行的 GFLOP/s</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <source>arithmetic intensity (FLOP per byte moved, minimum)</source>
            <translation>算术强度（每搬运一字节的 FLOP，按最少搬运量）</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <source>GFLOP/s under this machine's roofline</source>
            <translation>本机 Roofline 模型下的 GFLOP/s</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <source>time relative to {baseline} (bars: 95% CI)</source>
            <translation>相对 {baseline} 的耗时（误差棒：95% 置信区间）</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <source>CI: {method}</source>
            <translation>置信区间：{method}</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <source>{share} of {levels} roof</source>
            <translation>达到 {levels} 屋顶线的 {share}</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <source>, bound exceeded</source>
            <translation>，超出上界</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <location filename="../../gui/plots/ratio_bars.py" />
            <source>ratio to {baseline}</source>
            <translation>相对 {baseline} 的比值</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <source>roofs ({threads} threads): peak {peak:.0f} GFLOP/s ({source}); bandwidth from copies of {sizes}</source>
            <translation>屋顶线（{threads} 线程）：峰值 {peak:.0f} GFLOP/s（{source}）；带宽由 {sizes} 的拷贝测得</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <source>{implementation}: {fractions}</source>
            <translation>{implementation}：{fractions}</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <source>{threads} threads: </source>
            <translation>{threads} 线程：</translation>
        </message>
        <message>
            <location filename="../../gui/plots/bench_plots.py" />
            <source>{level} roof {bandwidth:.0f} GB/s</source>
            <translation>{level} 屋顶线 {bandwidth:.0f} GB/s</translation>
        </message>
        <message>
            <location filename="../../gui/plots/figures.py" />
            <source>time per call</source>
            <translation>每次调用耗时</translation>
        </message>
        <message>
            <location filename="../../gui/plots/figures.py" />
            <source>ratio (slide)</source>
            <translation>比值（幻灯片）</translation>
        </message>
        <message>
            <location filename="../../gui/plots/figures.py" />
            <source>ratio per point</source>
            <translation>各点比值</translation>
        </message>
        <message>
            <location filename="../../gui/plots/figures.py" />
            <source>roofline</source>
            <translation>Roofline 模型</translation>
        </message>
        <message>
            <location filename="../../gui/plots/ratio_bars.py" />
            <source>time relative to {baseline} at {variable}={value} (whiskers: 95% CI)</source>
            <translation>{variable}={value} 时相对 {baseline} 的耗时（须线：95% 置信区间）</translation>
        </message>
        <message>
            <location filename="../../gui/plots/ratio_bars.py" />
            <source>time relative to {baseline} (whiskers: 95% CI)</source>
            <translation>相对 {baseline} 的耗时（须线：95% 置信区间）</translation>
        </message>
        <message>
            <location filename="../../gui/plots/summary_html.py" />
            <source>{name} at {value}: {reason}</source>
            <translation>{name}（{value}）：{reason}</translation>
        </message>
        <message>
            <location filename="../../gui/plots/summary_html.py" />
            <source>excluded</source>
            <translation>已排除</translation>
        </message>
    </context>
    <context>
        <name>Model plots</name>
        <message>
            <location filename="../../gui/plots/model_plots.py" />
            <source>ms per call (log scale)</source>
            <translation>每次调用耗时 ms（对数坐标）</translation>
        </message>
        <message>
            <location filename="../../gui/plots/model_plots.py" />
            <source>layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../../gui/plots/model_plots.py" />
            <source>whole model</source>
            <translation>整个模型</translation>
        </message>
        <message>
            <location filename="../../gui/plots/model_plots.py" />
            <source>ms per call, log scale (dot: median; whiskers: IQR)</source>
            <translation>每次调用耗时 ms，对数坐标（圆点：中位数；须线：四分位距 IQR）</translation>
        </message>
        <message>
            <location filename="../../gui/plots/model_plots.py" />
            <source>Time before and after the rewrite (dot: median; whiskers: IQR)</source>
            <translation>改写前后的耗时（圆点：中位数；须线：四分位距 IQR）</translation>
        </message>
        <message>
            <location filename="../../gui/plots/model_plots.py" />
            <source>input {shape}</source>
            <translation>输入 {shape}</translation>
        </message>
    </context>
</TS>

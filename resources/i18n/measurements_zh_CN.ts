<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>Allocator</name>
        <message>
            <location filename="../../core/bench/allocator.py" />
            <source>default: glibc's adaptive thresholds, as a fresh process has them</source>
            <translation>default：glibc 的自适应阈值，与全新进程中的一样</translation>
        </message>
        <message>
            <location filename="../../core/bench/allocator.py" />
            <source>the tuned setting needs glibc's mallopt, not found here</source>
            <translation>tuned 设置需要 glibc 的 mallopt，但此处找不到</translation>
        </message>
        <message>
            <location filename="../../core/bench/allocator.py" />
            <source>use default</source>
            <translation>请使用 default</translation>
        </message>
        <message>
            <location filename="../../core/bench/allocator.py" />
            <source>glibc refused the tuned thresholds</source>
            <translation>glibc 拒绝了 tuned 阈值</translation>
        </message>
        <message>
            <location filename="../../core/bench/allocator.py" />
            <source>tuned: glibc M_MMAP_THRESHOLD = M_TRIM_THRESHOLD = {mib} MiB</source>
            <translation>tuned（调优）：glibc M_MMAP_THRESHOLD = M_TRIM_THRESHOLD = {mib} MiB</translation>
        </message>
        <message>
            <location filename="../../core/bench/allocator.py" />
            <source>this process already runs the tuned allocator, which glibc cannot undo</source>
            <translation>本进程已在使用 tuned 内存分配器，glibc 无法撤销</translation>
        </message>
        <message>
            <location filename="../../core/bench/allocator.py" />
            <source>measure the default allocator with process isolation (or in a new process)</source>
            <translation>请用进程隔离（isolation process）测量 default 内存分配器（或在新进程中测量）</translation>
        </message>
        <message>
            <location filename="../../core/bench/allocator.py" />
            <source>unknown setting {name!r}</source>
            <translation>未知设置 {name!r}</translation>
        </message>
        <message>
            <location filename="../../core/bench/allocator.py" />
            <source>choose one of {names}</source>
            <translation>可选：{names}</translation>
        </message>
    </context>
    <context>
        <name>Bench caption</name>
        <message>
            <location filename="../../core/bench/caption.py" />
            <source>unknown CPU</source>
            <translation>未知 CPU</translation>
        </message>
        <message>
            <location filename="../../core/bench/caption.py" />
            <source>threads n/a</source>
            <translation>线程数不详</translation>
        </message>
        <message>
            <location filename="../../core/bench/caption.py" />
            <source>spec not recorded</source>
            <translation>未记录层配置</translation>
        </message>
        <message>
            <location filename="../../core/bench/caption.py" />
            <source>{count} thread</source>
            <translation>{count} 个线程</translation>
        </message>
        <message>
            <location filename="../../core/bench/caption.py" />
            <source>forward + backward</source>
            <translation>前向 + 反向</translation>
        </message>
        <message>
            <location filename="../../core/bench/caption.py" />
            <source>forward</source>
            <translation>前向</translation>
        </message>
        <message>
            <location filename="../../core/bench/caption.py" />
            <source>nothing measured</source>
            <translation>未测量任何实现</translation>
        </message>
        <message>
            <location filename="../../core/bench/caption.py" />
            <source>date not recorded</source>
            <translation>未记录日期</translation>
        </message>
        <message>
            <location filename="../../core/bench/caption.py" />
            <source>{low}-{high} threads</source>
            <translation>{low}-{high} 个线程</translation>
        </message>
        <message>
            <location filename="../../core/bench/caption.py" />
            <source>{count} threads</source>
            <translation>{count} 个线程</translation>
        </message>
        <message>
            <location filename="../../core/bench/caption.py" />
            <source>{allocators} allocator</source>
            <translation>{allocators} 内存分配器</translation>
        </message>
    </context>
    <context>
        <name>Bench config</name>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>quick</source>
            <translation>快速</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>precise</source>
            <translation>精确</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>use e.g. 1 or 2</source>
            <translation>例如 1 或 2</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>use e.g. 0.5 (seconds)</source>
            <translation>例如 0.5（秒）</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>use e.g. 5</source>
            <translation>例如 5</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>no implementation given</source>
            <translation>未指定任何实现</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>e.g. --sweep batch=1,16,128</source>
            <translation>例如 --sweep batch=1,16,128</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>sweep fewer values</source>
            <translation>请减少扫描的取值</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>use isolation process (each implementation in a worker process of its own)</source>
            <translation>请使用 isolation process（每个实现在各自的工作进程中运行）</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>choose from {names}</source>
            <translation>可选：{names}</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>expected NAME=v1,v2,... with NAME one of {names}, got {text}</source>
            <translation>应为 NAME=v1,v2,...，NAME 取 {names} 之一，实际为 {text}</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>no values for {name}</source>
            <translation>{name} 没有取值</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>an empty value in {values}</source>
            <translation>{values} 中有空值</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>at most {limit} values, got {count}</source>
            <translation>最多 {limit} 个取值，实际为 {count} 个</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>unknown timing method {method!r}</source>
            <translation>未知计时方法 {method!r}</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>choose one of {names}</source>
            <translation>可选：{names}</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>unknown device {device!r}</source>
            <translation>未知设备 {device!r}</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>{dtype} convolutions can crash PyTorch's CPU kernels (a PyTorch bug), which would take this process down with them</source>
            <translation>{dtype} 卷积可能使 PyTorch 的 CPU 内核崩溃（PyTorch 的 bug），并连带使本进程崩溃</translation>
        </message>
        <message>
            <location filename="../../core/bench/config.py" />
            <source>unknown isolation {isolation!r}</source>
            <translation>未知隔离方式 {isolation!r}</translation>
        </message>
    </context>
    <context>
        <name>Bench duration</name>
        <message>
            <location filename="../../core/bench/duration.py" />
            <source>about {duration}</source>
            <translation>约 {duration}</translation>
        </message>
        <message>
            <location filename="../../core/bench/duration.py" />
            <source>{about} ({timing} timing, {overhead} start-up and checks)</source>
            <translation>{about}（计时 {timing}，启动与检查 {overhead}）</translation>
        </message>
    </context>
    <context>
        <name>Bench explanation</name>
        <message>
            <location filename="../../core/bench/explain.py" />
            <source>the compute peak; {working_set} in {memory}</source>
            <translation>上限为算力峰值；{working_set}，位于 {memory}</translation>
        </message>
        <message>
            <location filename="../../core/bench/explain.py" />
            <source>bound: {memory}; {working_set}</source>
            <translation>受带宽限制：{memory}；{working_set}</translation>
        </message>
        <message>
            <location filename="../../core/bench/explain.py" />
            <source>{ratio:.2f}x {baseline} (95% CI {low:.2f}-{high:.2f})</source>
            <translation>耗时为 {baseline} 的 {ratio:.2f}x（95% 置信区间 {low:.2f}-{high:.2f}）</translation>
        </message>
        <message>
            <location filename="../../core/bench/explain.py" />
            <source>{level} bandwidth {bandwidth:.0f} GB/s</source>
            <translation>{level}（带宽 {bandwidth:.0f} GB/s）</translation>
        </message>
        <message>
            <location filename="../../core/bench/explain.py" />
            <source>working set {size}</source>
            <translation>工作集 {size}</translation>
        </message>
        <message>
            <location filename="../../core/bench/explain.py" />
            <source>{impl}: {executed:.1f} GFLOP/s executed at {intensity:.2f} FLOP/byte = {fraction} of its bound {bound:.0f} GFLOP/s ({why})</source>
            <translation>{impl}：在 {intensity:.2f} FLOP/byte 的算术强度下实际执行 {executed:.1f} GFLOP/s，达到其上限 {bound:.0f} GFLOP/s 的 {fraction}（{why}）</translation>
        </message>
        <message>
            <location filename="../../core/bench/explain.py" />
            <source>nothing was measured</source>
            <translation>没有测得任何结果</translation>
        </message>
        <message>
            <location filename="../../core/bench/explain.py" />
            <source>with --allocator tuned (glibc keeps freed blocks) or channels_last data those faults disappear; compare both before quoting a ratio</source>
            <translation>使用 --allocator tuned（glibc 保留已释放的内存块）或 channels_last 数据时，这些缺页异常就会消失；引用比值之前请对比这两种情况</translation>
        </message>
        <message>
            <location filename="../../core/bench/explain.py" />
            <source>fastest: {impl} at {time:.1f} us per call</source>
            <translation>最快：{impl}，每次调用 {time:.1f} us</translation>
        </message>
        <message>
            <location filename="../../core/bench/explain.py" />
            <source>conv backend selected by PyTorch: {backends}</source>
            <translation>PyTorch 选用的卷积后端：{backends}</translation>
        </message>
        <message>
            <location filename="../../core/bench/explain.py" />
            <source>{impls} exceeded the roofline bound (shown, not clamped): the bound is this machine's measured copy bandwidth and peak, so a kernel that reuses data in a faster level, or a faster code path than the peak probes, can pass it; read the fraction as an estimate</source>
            <translation>{impls} 超出了 Roofline 模型的上限（如实显示，未截断）：该上限来自本机实测的拷贝带宽和算力峰值，因此在更快的存储层级中复用数据的内核，或比峰值探测更快的代码路径，都可能超过它；请把这个比例当作估计值</translation>
        </message>
        <message>
            <location filename="../../core/bench/explain.py" />
            <source>noisy measurements (IQR &gt; {threshold:.0f}% of median): {impls}</source>
            <translation>测量噪声大（IQR 超过中位数的 {threshold:.0f}%）：{impls}</translation>
        </message>
        <message>
            <location filename="../../core/bench/explain.py" />
            <source>{impl}: {ratio}</source>
            <translation>{impl}：{ratio}</translation>
        </message>
        <message>
            <location filename="../../core/bench/explain.py" />
            <source>{impl} pays {faults:.0f} minor page faults per call (~{mapped} of memory mapped fresh each call; resident memory grows {growth} per call): temporaries handed back to the kernel and faulted in again, an allocator effect ({allocator} allocator), not arithmetic</source>
            <translation>{impl} 每次调用产生 {faults:.0f} 次轻微缺页异常（minor page fault）（每次调用重新映射约 {mapped} 内存；常驻内存每次调用增长 {growth}）：临时缓冲区被归还给操作系统内核，又因缺页重新调入，这是内存分配器的效应（{allocator} 内存分配器），与计算无关</translation>
        </message>
    </context>
    <context>
        <name>Bench terms</name>
        <message>
            <location filename="../../core/bench/implementations.py" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../core/bench/implementations.py" />
            <source>permute + addmm + permute copy</source>
            <translation>permute + addmm + permute 拷贝</translation>
        </message>
        <message>
            <location filename="../../core/bench/implementations.py" />
            <source>dense GEMM with the Toeplitz matrix</source>
            <translation>Toeplitz 矩阵的稠密 GEMM</translation>
        </message>
        <message>
            <location filename="../../core/bench/roofline.py" />
            <source>device memory</source>
            <translation>设备内存</translation>
        </message>
    </context>
    <context>
        <name>Bench implementations</name>
        <message>
            <location filename="../../core/bench/implementations.py" />
            <source>does not run here: {error}</source>
            <translation>无法在此运行：{error}</translation>
        </message>
        <message>
            <location filename="../../core/bench/implementations.py" />
            <source>output shape {shape} != {expected}</source>
            <translation>输出形状 {shape} != {expected}</translation>
        </message>
        <message>
            <location filename="../../core/bench/implementations.py" />
            <source>disagrees with the reference (max abs error {error:.3g})</source>
            <translation>与参考结果不一致（最大绝对误差 {error:.3g}）</translation>
        </message>
        <message>
            <location filename="../../core/bench/implementations.py" />
            <source>no plain Linear: needs kernel 1 (pointwise) or kernel = input, both with padding 0; see unfold_matmul / unrolled</source>
            <translation>没有对应的普通 Linear：需要卷积核大小为 1（逐点）或卷积核等于输入，且填充均为 0；请参见 unfold_matmul / unrolled</translation>
        </message>
        <message>
            <location filename="../../core/bench/implementations.py" />
            <source>unknown implementation; choose from {names}</source>
            <translation>未知实现；可选：{names}</translation>
        </message>
    </context>
    <context>
        <name>Roofline</name>
        <message>
            <location filename="../../core/bench/roofline.py" />
            <source>{level} bandwidth {bandwidth:.0f} GB/s</source>
            <translation>{level} 带宽 {bandwidth:.0f} GB/s</translation>
        </message>
        <message>
            <location filename="../../core/bench/roofline.py" />
            <source>3x3 conv, {channels} channels (oneDNN)</source>
            <translation>3x3 卷积，{channels} 通道（oneDNN）</translation>
        </message>
    </context>
    <context>
        <name>Bench runner</name>
        <message>
            <location filename="../../core/bench/runner.py" />
            <source>n/a</source>
            <translation>不适用</translation>
        </message>
        <message>
            <location filename="../../core/bench/runner.py" />
            <source>on for both matmul and cuDNN</source>
            <translation>matmul 和 cuDNN 均开启</translation>
        </message>
        <message>
            <location filename="../../core/bench/runner.py" />
            <source>off for both matmul and cuDNN</source>
            <translation>matmul 和 cuDNN 均关闭</translation>
        </message>
        <message>
            <location filename="../../core/bench/runner.py" />
            <source>spec</source>
            <translation>层配置</translation>
        </message>
        <message>
            <location filename="../../core/bench/runner.py" />
            <source>failed while measuring: {reason}</source>
            <translation>测量时失败：{reason}</translation>
        </message>
        <message>
            <location filename="../../core/bench/runner.py" />
            <source>{device} is not available on this machine</source>
            <translation>本机没有可用的 {device}</translation>
        </message>
        <message>
            <location filename="../../core/bench/runner.py" />
            <source>use one of {devices}</source>
            <translation>可用：{devices}</translation>
        </message>
        <message>
            <location filename="../../core/bench/runner.py" />
            <source>{point}: done</source>
            <translation>{point}：完成</translation>
        </message>
        <message>
            <location filename="../../core/bench/runner.py" />
            <source>{point}: prepared {count} implementations</source>
            <translation>{point}：已准备好 {count} 个实现</translation>
        </message>
        <message>
            <location filename="../../core/bench/runner.py" />
            <source>error: {error}</source>
            <translation>错误：{error}</translation>
        </message>
        <message>
            <location filename="../../core/bench/runner.py" />
            <source>{point}: {impl} failed: {reason}</source>
            <translation>{point}：{impl} 失败：{reason}</translation>
        </message>
        <message>
            <location filename="../../core/bench/runner.py" />
            <source>{point}: {impl}, round {round}/{rounds}</source>
            <translation>{point}：{impl}，第 {round}/{rounds} 轮</translation>
        </message>
    </context>
    <context>
        <name>Bench summary</name>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>impl</source>
            <translation>实现</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>median us</source>
            <translation>中位数 us</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>IQR us</source>
            <translation>IQR us</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>runs</source>
            <translation>运行次数</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>backend</source>
            <translation>后端</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>faults/call</source>
            <translation>缺页/次</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>RSS/call</source>
            <translation>RSS/次</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>roofline</source>
            <translation>Roofline 占比</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>noise</source>
            <translation>噪声</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>ratio</source>
            <translation>比值</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>noisy (IQR &gt; {threshold:.0f}% of median)</source>
            <translation>噪声大（IQR 超过中位数的 {threshold:.0f}%）</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>n/a</source>
            <translation>不适用</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>{impl}: median {median} {unit}, Q1-Q3 {q1}-{q3} {unit} over {runs} runs</source>
            <translation>{impl}：中位数 {median} {unit}，Q1-Q3 {q1}-{q3} {unit}，共 {runs} 次运行</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>{fraction} of {level}</source>
            <translation>{level} 上限的 {fraction}</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>ratio to {baseline} [95% CI]</source>
            <translation>相对 {baseline} 的比值 [95% 置信区间]</translation>
        </message>
        <message>
            <location filename="../../core/bench/summary.py" />
            <source>{line}; {noisy}</source>
            <translation>{line}；{noisy}</translation>
        </message>
    </context>
    <context>
        <name>Bench timing</name>
        <message>
            <location filename="../../core/bench/timing.py" />
            <source>95% bootstrap CI of the ratio of medians ({samples} resamples of each side's per-run times)</source>
            <translation>中位数之比的 95% bootstrap 置信区间（对双方的单次运行时间各重采样 {samples} 次）</translation>
        </message>
        <message>
            <location filename="../../core/bench/timing.py" />
            <source>IQR is {percent:.0f}% of the median: the machine was noisy; treat with caution</source>
            <translation>IQR 为中位数的 {percent:.0f}%：机器负载干扰大，请谨慎看待</translation>
        </message>
    </context>
    <context>
        <name>Bench measurers</name>
        <message>
            <location filename="../../core/bench/worker_pool.py" />
            <source>its worker failed: {error}</source>
            <translation>其工作进程出错：{error}</translation>
        </message>
        <message>
            <location filename="../../core/bench/worker_pool.py" />
            <source>its worker did not answer within {timeout:.0f} s</source>
            <translation>其工作进程在 {timeout:.0f} s 内没有响应</translation>
        </message>
        <message>
            <location filename="../../core/bench/worker_pool.py" />
            <source>its worker process died ({reason})</source>
            <translation>其工作进程已终止（{reason}）</translation>
        </message>
    </context>
    <context>
        <name>Claims</name>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>Conv has the better default init</source>
            <translation>卷积层的默认初始化更好</translation>
        </message>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>both layers' default weights compared: two-sample KS test at equal fan_in, and the bounds when fan_in differs (Toeplitz Linear, depthwise conv)</source>
            <translation>对比两种层的默认权重：fan_in 相同时做双样本 KS 检验，fan_in 不同时对比取值范围（Toeplitz Linear、逐通道（depthwise）卷积）</translation>
        </message>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>Linear is 10× faster than a 1×1 conv</source>
            <translation>Linear 比 1×1 卷积快 10 倍</translation>
        </message>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>the seed case timed live by the bench engine: fresh process vs allocator kept warm, NCL vs channels_last, 1 thread vs all, with page faults per call</source>
            <translation>用基准测试引擎现场计时种子案例：全新进程 vs 内存分配器已预热，NCL vs channels_last，1 个线程 vs 全部线程，并统计每次调用的缺页异常</translation>
        </message>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>Stride 2 halves the feature map</source>
            <translation>步长 2 让特征图减半</translation>
        </message>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>output size for even and odd inputs, equality with subsample-then-Linear, and how many input positions influence the output</source>
            <translation>偶数和奇数输入尺寸下的输出大小、与“先下采样再 Linear”的等价性，以及有多少输入位置会影响输出</translation>
        </message>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>1×3 then 3×1 replaces 3×3</source>
            <translation>先 1×3 再 3×1 可替代 3×3</translation>
        </message>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>parameters, receptive field, which 3×3 kernels the pair can make (rank 1: Sobel yes, Laplacian no), channels in between, and a bias leaking through the padding</source>
            <translation>参数量、感受野、这对卷积能构成哪些 3×3 卷积核（秩 1：Sobel 可以，Laplacian 不行）、中间通道，以及偏置经由填充泄漏</translation>
        </message>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>Conv params = Cin·k·k·Co + Co</source>
            <translation>卷积参数量 = Cin·k·k·Co + Co</translation>
        </message>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>the formula against sum(p.numel()) of real modules, with and without bias, and with groups</source>
            <translation>将公式与真实模块的 sum(p.numel()) 对比：带偏置、不带偏置以及分组的情况</translation>
        </message>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>nn.Conv has a better default initialisation than nn.Linear.</source>
            <translation>nn.Conv 的默认初始化比 nn.Linear 更好。</translation>
        </message>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>Linear is an order of magnitude faster than Conv1d(kernel_size=1).</source>
            <translation>Linear 比 Conv1d(kernel_size=1) 快一个数量级。</translation>
        </message>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>A stride-2 1×1 conv halves the feature map.</source>
            <translation>步长为 2 的 1×1 卷积会让特征图减半。</translation>
        </message>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>A 1×3 conv followed by a 3×1 conv replaces a 3×3 conv.</source>
            <translation>一个 1×3 卷积后接一个 3×1 卷积，可以替代一个 3×3 卷积。</translation>
        </message>
        <message>
            <location filename="../../core/claims/__init__.py" />
            <source>A conv layer has Cin·k·k·Co + Co parameters.</source>
            <translation>卷积层有 Cin·k·k·Co + Co 个参数。</translation>
        </message>
        <message>
            <location filename="../../core/claims/base.py" />
            <source>TRUE</source>
            <translation>成立</translation>
        </message>
        <message>
            <location filename="../../core/claims/base.py" />
            <source>the measurements support the claim as stated</source>
            <translation>测量结果支持该说法的原始表述</translation>
        </message>
        <message>
            <location filename="../../core/claims/base.py" />
            <source>PARTLY TRUE</source>
            <translation>部分成立</translation>
        </message>
        <message>
            <location filename="../../core/claims/base.py" />
            <source>right in part; the rest needs a qualification</source>
            <translation>部分正确；其余部分需要加限定条件</translation>
        </message>
        <message>
            <location filename="../../core/claims/base.py" />
            <source>DEPENDS</source>
            <translation>视情况而定</translation>
        </message>
        <message>
            <location filename="../../core/claims/base.py" />
            <source>true under some conditions and false under others</source>
            <translation>在某些条件下成立，在另一些条件下不成立</translation>
        </message>
        <message>
            <location filename="../../core/claims/base.py" />
            <source>FALSE</source>
            <translation>不成立</translation>
        </message>
        <message>
            <location filename="../../core/claims/base.py" />
            <source>the measurements contradict the claim as stated</source>
            <translation>测量结果与该说法的原始表述相矛盾</translation>
        </message>
    </context>
    <context>
        <name>Init claim</name>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>PyTorch initialises both with kaiming_uniform_(a=√5), i.e. U(±1/√fan_in): the law depends on fan_in only</source>
            <translation>PyTorch 对两者都用 kaiming_uniform_(a=√5) 初始化，即 U(±1/√fan_in)：分布只取决于 fan_in</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>no difference</source>
            <translation>没有差异</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>the test rejects at 1% (a chance event for equal laws)</source>
            <translation>检验在 1% 水平上拒绝了原假设（对相同的分布而言这是偶然事件）</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>{linear} has fan_in {linear_fan_in} (bound ±{linear_bound:.3g}) against {conv}'s {conv_fan_in} (±{conv_bound:.3g}); KS D = {statistic:.2f}</source>
            <translation>{linear} 的 fan_in 为 {linear_fan_in}（界 ±{linear_bound:.3g}），而 {conv} 的为 {conv_fan_in}（±{conv_bound:.3g}）；KS D = {statistic:.2f}</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>At equal fan_in ({conv} and the {linear} over its 3×3 patches: fan_in {fan_in}, both bounds ±{bound:.4f}) a two-sample KS test over {samples:,} weights of each from {draws} seeded re-initialisations gives D = {statistic:.4f}, p = {pvalue:.2f}</source>
            <translation>在 fan_in 相同时（{conv}，以及作用于其 3×3 图像块（patch）的 {linear}：fan_in 均为 {fan_in}，界均为 ±{bound:.4f}），从 {draws} 次带种子的重新初始化中各取 {samples:,} 个权重做双样本 KS 检验，得到 D = {statistic:.4f}，p = {pvalue:.2f}</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>each also fits U(±1/√{fan_in}) itself (one-sample KS p = {p_conv:.2f} conv, {p_linear:.2f} Linear, {samples:,} weights)</source>
            <translation>两者也各自符合 U(±1/√{fan_in}) 本身（单样本 KS 检验：conv 的 p = {p_conv:.2f}，Linear 的 p = {p_linear:.2f}，各 {samples:,} 个权重）</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>They differ only when fan_in differs: {cases}</source>
            <translation>只有 fan_in 不同时两者才有差异：{cases}</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>equal fan_in</source>
            <translation>fan_in 相同</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>a conv unrolled to its Toeplitz Linear (fan_in Cin·H·W)</source>
            <translation>展开成 Toeplitz Linear 的卷积（fan_in 为 Cin·H·W）</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>testing each layer's weights against U(±1/√fan_in)</source>
            <translation>检验每层的权重是否服从 U(±1/√fan_in)</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>{rule}. {same}: {outcome}; {uniform}. {differ}.</source>
            <translation>{rule}。{same}：{outcome}；{uniform}。{differ}。</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>False as stated. {rule}. {same}: no difference; {uniform}. {differ}. That is the same rule applied to a different fan_in, not a better initialisation.</source>
            <translation>按原表述不成立。{rule}。{same}：没有差异；{uniform}。{differ}。这只是同一条规则作用于不同的 fan_in，并不是更好的初始化。</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>a depthwise conv, groups={groups} (fan_in Cin/groups·k·k)</source>
            <translation>逐通道（depthwise）卷积，groups={groups}（fan_in 为 Cin/groups·k·k）</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>re-initialising {case}: {draws} draws</source>
            <translation>{case}：重新初始化 {draws} 次</translation>
        </message>
        <message>
            <location filename="../../core/claims/default_init.py" />
            <source>{case}: {bounds}</source>
            <translation>{case}：{bounds}</translation>
        </message>
    </context>
    <context>
        <name>Factorised claim</name>
        <message>
            <location filename="../../core/claims/factorised.py" />
            <source>1×3 then 3×1, one channel, no bias</source>
            <translation>先 1×3 再 3×1，单通道，无偏置</translation>
        </message>
        <message>
            <location filename="../../core/claims/factorised.py" />
            <source>3×3, one channel, no bias</source>
            <translation>3×3，单通道，无偏置</translation>
        </message>
        <message>
            <location filename="../../core/claims/factorised.py" />
            <source> and </source>
            <translation>和</translation>
        </message>
        <message>
            <location filename="../../core/claims/factorised.py" />
            <source>The pair has {pair_weights} weights per channel pair against {single_weights} (with C channels and biases {pair_formula} against 9C² + C: {pair_count:,} against {single_count:,} for C = {channels}, counted on real modules) and the same {field_h}×{field_w} receptive field, but a smaller function class. With one channel and no bias its effective kernel is the outer product of its two weights, rank 1: Sobel [1,2,1]ᵀ[−1,0,1] is one, and composing the two convs reproduces it (max error {sobel_error:.2g}). The Laplacian [[0,1,0],[1,−4,1],[0,1,0]] is not: singular values {s1:.3f}, {s2:.3f}, {s3:.3f}, so its best rank-1 fit misses by √(s₂² + s₃²) = {svd_error:.3f} (Frobenius), {relative:.0f}% of its norm; the pair built from that fit misses by {best_error:.3f}, and fitting the pair by L-BFGS gets no closer ({fitted_error:.3f}). With m channels in between, each kernel from input c to output o is a sum of m rank-1 terms whose factors all channel pairs share: real layers {cin}→{mid}→{cout} match that formula (max difference {formula_difference:.1g}), and their {kernels} kernels, of rank ≤ {rank}, come from {pair_total} weights where {free} free 3×3 kernels take {free_total}. And a bias on the first conv (b₁ = {first_bias:.3f}) leaks through the second conv's zero padding: the best single 3×3 conv (the composed kernel, bias {combined_bias:.3f}) matches every interior output (max difference {interior:.1g}) but differs on the {rows} rows, by up to {leak:.3f}.</source>
            <translation>这对卷积每个通道对只有 {pair_weights} 个权重，而 3×3 卷积有 {single_weights} 个（C 个通道且带偏置时为 {pair_formula}，对比 9C² + C：C = {channels} 时为 {pair_count:,} 对 {single_count:,}，均在真实模块上计数），感受野同为 {field_h}×{field_w}，但能表示的函数类更小。单通道且无偏置时，它的等效卷积核是两个权重的外积，秩为 1：Sobel [1,2,1]ᵀ[−1,0,1] 正是这样的卷积核，把两个卷积复合起来就能复现它（最大误差 {sobel_error:.2g}）。Laplacian [[0,1,0],[1,−4,1],[0,1,0]] 则不是：其奇异值为 {s1:.3f}、{s2:.3f}、{s3:.3f}，因此它的最佳秩 1 近似误差为 √(s₂² + s₃²) = {svd_error:.3f}（Frobenius 范数），占其范数的 {relative:.0f}%；由该近似构造的这对卷积误差为 {best_error:.3f}，用 L-BFGS 拟合这对卷积也无法更接近（{fitted_error:.3f}）。中间有 m 个通道时，从输入通道 c 到输出通道 o 的每个卷积核都是 m 个秩 1 项之和，而这些因子由所有通道对共享：真实的 {cin}→{mid}→{cout} 层与该公式一致（最大差值 {formula_difference:.1g}），它们的 {kernels} 个卷积核秩均 ≤ {rank}，只来自 {pair_total} 个权重，而 {free} 个自由的 3×3 卷积核需要 {free_total} 个。此外，第一个卷积的偏置（b₁ = {first_bias:.3f}）会经由第二个卷积的零填充泄漏出来：最佳的单个 3×3 卷积（复合后的卷积核，偏置 {combined_bias:.3f}）与所有内部输出一致（最大差值 {interior:.1g}），但在{rows}上不同，最多相差 {leak:.3f}。</translation>
        </message>
        <message>
            <location filename="../../core/claims/factorised.py" />
            <source>counting parameters; composing the pair into Sobel</source>
            <translation>统计参数量；将这对卷积复合成 Sobel</translation>
        </message>
        <message>
            <location filename="../../core/claims/factorised.py" />
            <source>the Laplacian's best rank-1 fit: SVD, and the pair fitted by L-BFGS</source>
            <translation>Laplacian 的最佳秩 1 近似：SVD，以及用 L-BFGS 拟合这对卷积</translation>
        </message>
        <message>
            <location filename="../../core/claims/factorised.py" />
            <source>composing real layers with channels in between</source>
            <translation>复合带中间通道的真实层</translation>
        </message>
        <message>
            <location filename="../../core/claims/factorised.py" />
            <source>a bias on the first conv: the pair against the best single 3×3 conv</source>
            <translation>第一个卷积带偏置：这对卷积与最佳单个 3×3 卷积对比</translation>
        </message>
        <message>
            <location filename="../../core/claims/factorised.py" />
            <source>top</source>
            <translation>首行</translation>
        </message>
        <message>
            <location filename="../../core/claims/factorised.py" />
            <source>1×3 then 3×1, C = {channels}, bias</source>
            <translation>先 1×3 再 3×1，C = {channels}，带偏置</translation>
        </message>
        <message>
            <location filename="../../core/claims/factorised.py" />
            <source>3×3, C = {channels}, bias</source>
            <translation>3×3，C = {channels}，带偏置</translation>
        </message>
        <message>
            <location filename="../../core/claims/factorised.py" />
            <source>bottom</source>
            <translation>末行</translation>
        </message>
        <message>
            <location filename="../../core/claims/factorised.py" />
            <source>False as a general replacement, true for rank-1 kernels only. {evidence}</source>
            <translation>作为通用替代不成立，只对秩 1 卷积核成立。{evidence}</translation>
        </message>
        <message>
            <location filename="../../core/claims/factorised.py" />
            <source>{row}th</source>
            <translation>第 {row} 行</translation>
        </message>
    </context>
    <context>
        <name>Params claim</name>
        <message>
            <location filename="../../core/claims/params.py" />
            <source> and </source>
            <translation> 和 </translation>
        </message>
        <message>
            <location filename="../../core/claims/params.py" />
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <location filename="../../core/claims/params.py" />
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <location filename="../../core/claims/params.py" />
            <source>Counted with sum(p.numel()) on real modules. With groups=1 and a bias the claim's formula matches {plain_matched} of {plain_count} layers ({seed}; kh·kw for a non-square kernel). Without a bias drop the + Co ({bias_free}). With groups each output channel sees only Cin/groups inputs, so the count is {general}: {grouped}. That general formula matches {general_matched} of {count} layers.</source>
            <translation>在真实模块上用 sum(p.numel()) 计数。groups=1 且带偏置时，该说法的公式与 {plain_count} 个层中的 {plain_matched} 个相符（{seed}；非方形卷积核用 kh·kw）。不带偏置时要去掉 + Co（{bias_free}）。分组时每个输出通道只看到 Cin/groups 个输入通道，因此参数量为 {general}：{grouped}。这个通用公式与 {count} 个层中的 {general_matched} 个相符。</translation>
        </message>
        <message>
            <location filename="../../core/claims/params.py" />
            <source>False as measured. {evidence}</source>
            <translation>按测量结果不成立。{evidence}</translation>
        </message>
        <message>
            <location filename="../../core/claims/params.py" />
            <source>{layer}: {count:,}</source>
            <translation>{layer}：{count:,}</translation>
        </message>
        <message>
            <location filename="../../core/claims/params.py" />
            <source>{layer} has {count:,} ({formula}), the claim says {claimed:,}</source>
            <translation>{layer} 有 {count:,} 个（{formula}），而该说法给出 {claimed:,}</translation>
        </message>
        <message>
            <location filename="../../core/claims/params.py" />
            <source>True. {evidence}</source>
            <translation>成立。{evidence}</translation>
        </message>
        <message>
            <location filename="../../core/claims/params.py" />
            <source>Partly true: right for groups=1 (with a bias). {evidence}</source>
            <translation>部分成立：对 groups=1（带偏置）的情况正确。{evidence}</translation>
        </message>
        <message>
            <location filename="../../core/claims/params.py" />
            <source>counting {layer}</source>
            <translation>统计 {layer} 的参数</translation>
        </message>
    </context>
    <context>
        <name>Speed claim</name>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>fresh</source>
            <translation>全新进程</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>warm</source>
            <translation>已预热</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>In a fresh process per implementation (isolation process, glibc's default allocator)</source>
            <translation>每个实现各用一个全新进程（isolation process，glibc 的默认内存分配器）</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>{count} thread</source>
            <translation>{count} 个线程</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>{ratio:.2f}× (95% CI {low:.2f}–{high:.2f})</source>
            <translation>{ratio:.2f}×（95% 置信区间 {low:.2f}–{high:.2f}）</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>The gap depends on {effects}.</source>
            <translation>差距取决于{effects}。</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>no conv/Linear pair was measured</source>
            <translation>没有测得任何 conv/Linear 组合</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>Measured live with the project's bench engine (torch.utils.benchmark, {min_run_time:g} s per implementation in {rounds} rounds, {seconds:.1f} s in all): {spec}, against Linear({cin}, {cout}) on {batch}×{length}×{cin}: the same {macs:,} multiply-adds. Conv / Linear time ranged {low:.2f}×–{high:.2f}× over {count} conditions.</source>
            <translation>用本项目的基准测试引擎现场测量（torch.utils.benchmark，每个实现 {min_run_time:g} s，分 {rounds} 轮，共用时 {seconds:.1f} s）：{spec}，对比作用于 {batch}×{length}×{cin} 的 Linear({cin}, {cout})：乘加次数同为 {macs:,}。在 {count} 种条件下，Conv / Linear 的耗时比在 {low:.2f}×–{high:.2f}× 之间。</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>this process, allocator warm</source>
            <translation>本进程，内存分配器已预热</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>{count} threads</source>
            <translation>{count} 个线程</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>In this process (isolation none, {allocator} allocator)</source>
            <translation>在本进程中（isolation none，{allocator} 内存分配器）</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>{where}, at {threads}, the conv took {conv_time} against the Linear's {linear_time}: {ratio}, paying {conv_faults} minor page faults per call (~{mapped} mapped afresh every call) against the Linear's {linear_faults}.</source>
            <translation>{where}，在 {threads}下，卷积耗时 {conv_time}，Linear 耗时 {linear_time}：{ratio}；卷积每次调用产生 {conv_faults} 次轻微缺页异常（每次调用重新映射约 {mapped}），而 Linear 为 {linear_faults} 次。</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>In this process, whose allocator had already kept its freed blocks (isolation none, {allocator} allocator): {parts}.</source>
            <translation>在本进程中，内存分配器已经保留了释放的内存块（isolation none，{allocator} 内存分配器）：{parts}。</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>the conditions of measurement</source>
            <translation>测量条件</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>True here: an order of magnitude (≥ {order:g}×) under every condition.</source>
            <translation>在此成立：所有条件下都相差一个数量级（≥ {order:g}×）。</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>a new process per implementation</source>
            <translation>每个实现一个新进程</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>this process</source>
            <translation>本进程</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>the benchmark produced no ratio: {problems}</source>
            <translation>基准测试没有得到任何比值：{problems}</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>False here: not an order of magnitude (≥ {order:g}×) under any condition measured.</source>
            <translation>在此不成立：所测的任何条件下都没有达到一个数量级（≥ {order:g}×）。</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>Depends: an order of magnitude (≥ {order:g}×) under some conditions only, {worst:.1f}× at worst and {best:.2f}× at best.</source>
            <translation>视情况而定：只在部分条件下相差一个数量级（≥ {order:g}×），最差 {worst:.1f}×，最好 {best:.2f}×。</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>Noisy (IQR over 10% of the median): {impls}; the machine was busy.</source>
            <translation>测量噪声大（IQR 超过中位数的 10%）：{impls}；当时机器负载较重。</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>Not measured: {problems}.</source>
            <translation>未测量：{problems}。</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>{condition} {impl}: {reason}</source>
            <translation>{condition} {impl}：{reason}</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>the conv {ratio} with {faults} faults per call</source>
            <translation>卷积为 {ratio}，每次调用 {faults} 次缺页异常</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>on channels_last data {ratio}</source>
            <translation>channels_last 数据上为 {ratio}</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>at {threads} {found}</source>
            <translation>{threads}时，{found}</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>the allocator and its page faults ({fresh:.2f}× fresh, {warm:.2f}× warm, both at {threads})</source>
            <translation>内存分配器及其缺页异常（全新进程 {fresh:.2f}×，已预热 {warm:.2f}×，均为 {threads}）</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>the layout ({ncl:.2f}× NCL, {channels_last:.2f}× channels_last)</source>
            <translation>内存布局（NCL {ncl:.2f}×，channels_last {channels_last:.2f}×）</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>the threads ({few_ratio:.2f}× at {few}, {many_ratio:.2f}× at {many}) and how busy the cores are</source>
            <translation>线程数（{few} 个线程时 {few_ratio:.2f}×，{many} 个线程时 {many_ratio:.2f}×）以及 CPU 核心的繁忙程度</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>{condition}: preparing {impls} (isolation {isolation})</source>
            <translation>{condition}：正在准备 {impls}（isolation {isolation}）</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>{condition}: {error}</source>
            <translation>{condition}：{error}</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>{condition}: {message}</source>
            <translation>{condition}：{message}</translation>
        </message>
        <message>
            <location filename="../../core/claims/speed.py" />
            <source>, </source>
            <translation>，</translation>
        </message>
    </context>
    <context>
        <name>Stride claim</name>
        <message>
            <location filename="../../core/claims/stride.py" />
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <location filename="../../core/claims/stride.py" />
            <source>Each side halves, rounding up: H_out = floor((H − 1)/2) + 1 = ceil(H/2) ({sizes}; {odd_side}/2 = {odd_half:g} becomes {odd_out}). But the map keeps a quarter of its positions, not half: on {even_size} only {even_used} of {even_total} input positions ({even_percent:.0f}%) influence any output (the non-zero columns of the conv's Jacobian), the other {discarded} are never read: {skipped} of every {every}; on {odd_size}, {odd_used} of {odd_total} ({odd_percent:.0f}%). It is exactly 'take every second row and column, then a Linear({cin}, {cout}) over channels': max abs difference {difference:.3g} in float64.</source>
            <translation>每条边减半并向上取整：H_out = floor((H − 1)/2) + 1 = ceil(H/2)（{sizes}；{odd_side}/2 = {odd_half:g} 变成 {odd_out}）。但特征图保留的是四分之一的位置，而不是一半：在 {even_size} 上，{even_total} 个输入位置中只有 {even_used} 个（{even_percent:.0f}%）会影响输出（即卷积 Jacobian 的非零列），其余 {discarded} 个从未被读取：每 {every} 个中就有 {skipped} 个；在 {odd_size} 上为 {odd_total} 个中的 {odd_used} 个（{odd_percent:.0f}%）。它与“每隔一行一列取样，再在通道上做 Linear({cin}, {cout})”完全等价：float64 下最大绝对差值为 {difference:.3g}。</translation>
        </message>
        <message>
            <location filename="../../core/claims/stride.py" />
            <source>False as measured. {evidence}</source>
            <translation>按测量结果不成立。{evidence}</translation>
        </message>
        <message>
            <location filename="../../core/claims/stride.py" />
            <source>Partly true. {evidence}</source>
            <translation>部分成立。{evidence}</translation>
        </message>
        <message>
            <location filename="../../core/claims/stride.py" />
            <source>stride-2 1×1 conv on {size}</source>
            <translation>在 {size} 上运行步长为 2 的 1×1 卷积</translation>
        </message>
    </context>
</TS>

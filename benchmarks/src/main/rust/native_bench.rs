//! The native baseline: the benchmark workloads run from Rust through the same C ABI
//! (`libnsw_embedding.so` + `libnsw_platform.so`) and the same artifacts as the Java
//! providers, timed the way JMH's average-time mode times them: a timer thread raises a
//! flag after each iteration's duration, the loop counts operations until it sees the
//! flag, and one iteration's score is its elapsed time divided by its operations. The
//! result is the median of the measurement iterations (warmup iterations are discarded);
//! `benchmarks/scripts/report.py` takes the median of JMH's iterations too.
//!
//! usage: native-bench ARTIFACT_DIR ARCH WARMUP_ITERS MEASURE_ITERS ITER_MS [MEASURE_PREFIX]
//! prints one line per measure and profile: measure<TAB>subject<TAB>ns_per_op<TAB>result
//!
//! Built by scripts/build-natives.sh with plain rustc (no crates): the bindings below are
//! the subset of `rust-nostd/include/nsw.h` the workloads need, declared by hand. The script
//! links `libnsw_platform.so` with `--no-as-needed`: nothing here calls the shim, but the
//! embedding's `wasmtime_*` references resolve against it.

use std::ffi::c_void;
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[repr(C)]
struct Opaque {
    _p: [u8; 0],
}
type Engine = Opaque;
type ErrorT = Opaque;
type Context = Opaque;
type Extern = Opaque;
type Instance = Opaque;
type Linker = Opaque;
type Module = Opaque;
type Store = Opaque;

#[repr(C)]
#[derive(Clone, Copy)]
union Val {
    i32: i32,
    i64: i64,
    f64: u64,
    v128: [u8; 16],
}

type HostCallback = extern "C" fn(*mut c_void, *mut Context, *mut Val, usize) -> *mut ErrorT;
type Finalizer = extern "C" fn(*mut c_void);

#[link(name = "nsw_embedding")]
extern "C" {
    fn nsw_engine_new(profile: u32, fuel: bool, epoch: bool, max_wasm_stack: usize, out: *mut *mut Engine) -> *mut ErrorT;
    fn nsw_error_message(error: *const ErrorT, out_ptr: *mut *const u8, out_len: *mut usize);
    fn nsw_func_call(ctx: *mut Context, func: *const Extern, slots: *mut Val, slots_len: usize) -> *mut ErrorT;
    fn nsw_memory_data(ctx: *mut Context, memory: *const Extern, out_base: *mut *mut u8, out_size: *mut usize) -> *mut ErrorT;
    fn nsw_linker_instantiate(linker: *const Linker, ctx: *mut Context, module: *const Module, out: *mut *mut Instance) -> *mut ErrorT;
    fn nsw_instance_delete(instance: *mut Instance);
    fn nsw_instance_export_get(ctx: *mut Context, instance: *const Instance, name: *const u8, name_len: usize, out: *mut *mut Extern) -> *mut ErrorT;
    fn nsw_linker_new(engine: *const Engine, out: *mut *mut Linker) -> *mut ErrorT;
    #[allow(clippy::too_many_arguments)]
    fn nsw_linker_define_func(
        linker: *mut Linker, module: *const u8, module_len: usize, name: *const u8, name_len: usize,
        params: *const u8, params_len: usize, results: *const u8, results_len: usize,
        callback: HostCallback, env: *mut c_void, finalizer: Option<Finalizer>,
    ) -> *mut ErrorT;
    fn nsw_module_new(engine: *const Engine, artifact: *const u8, artifact_len: usize, out: *mut *mut Module) -> *mut ErrorT;
    fn nsw_store_new(engine: *const Engine, out: *mut *mut Store) -> *mut ErrorT;
    fn nsw_store_delete(store: *mut Store);
    fn nsw_store_context(store: *mut Store) -> *mut Context;
}

const NSW_VAL_I32: u8 = 0;

fn check(err: *mut ErrorT, what: &str) {
    if !err.is_null() {
        let (mut p, mut n) = (std::ptr::null(), 0usize);
        unsafe { nsw_error_message(err, &mut p, &mut n) };
        let msg = unsafe { std::slice::from_raw_parts(p, n) };
        panic!("{what}: {}", String::from_utf8_lossy(msg));
    }
}

extern "C" fn host_inc(_env: *mut c_void, _caller: *mut Context, slots: *mut Val, _len: usize) -> *mut ErrorT {
    unsafe { (*slots).i32 = (*slots).i32.wrapping_add(1) };
    std::ptr::null_mut()
}

/// One loaded module with an instance in its own store, and its exports by name.
struct Loaded {
    engine: *mut Engine,
    linker: *mut Linker,
    module: *mut Module,
    store: *mut Store,
    ctx: *mut Context,
    instance: *mut Instance,
}

impl Loaded {
    fn new(dir: &str, stem: &str, profile: (u32, &str), target: &str) -> Loaded {
        let path = format!("{dir}/{stem}.{}.{target}.cwasm", profile.1);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e} (run scripts/build-natives.sh)"));
        unsafe {
            let mut engine = std::ptr::null_mut();
            check(nsw_engine_new(profile.0, false, false, 0, &mut engine), "engine");
            let mut module = std::ptr::null_mut();
            check(nsw_module_new(engine, bytes.as_ptr(), bytes.len(), &mut module), &path);
            let mut linker = std::ptr::null_mut();
            check(nsw_linker_new(engine, &mut linker), "linker");
            let (m, n, p) = (b"env", b"host_inc", [NSW_VAL_I32]);
            check(
                nsw_linker_define_func(linker, m.as_ptr(), m.len(), n.as_ptr(), n.len(), p.as_ptr(), 1, p.as_ptr(), 1,
                    host_inc, std::ptr::null_mut(), None),
                "define env.host_inc",
            );
            let mut store = std::ptr::null_mut();
            check(nsw_store_new(engine, &mut store), "store");
            let ctx = nsw_store_context(store);
            let mut instance = std::ptr::null_mut();
            check(nsw_linker_instantiate(linker, ctx, module, &mut instance), "instantiate");
            Loaded { engine, linker, module, store, ctx, instance }
        }
    }

    fn export(&self, name: &str) -> *mut Extern {
        let mut out = std::ptr::null_mut();
        check(unsafe { nsw_instance_export_get(self.ctx, self.instance, name.as_ptr(), name.len(), &mut out) }, name);
        out
    }

    fn call(&self, func: *mut Extern, slots: &mut [Val]) {
        check(unsafe { nsw_func_call(self.ctx, func, slots.as_mut_ptr(), slots.len()) }, "call");
    }

    /// A fresh store with a fresh instance, then both gone: what one instantiation costs.
    fn instantiate_once(&self) {
        unsafe {
            let mut store = std::ptr::null_mut();
            check(nsw_store_new(self.engine, &mut store), "store");
            let mut instance = std::ptr::null_mut();
            check(nsw_linker_instantiate(self.linker, nsw_store_context(store), self.module, &mut instance), "instantiate");
            nsw_instance_delete(instance);
            nsw_store_delete(store);
        }
    }
}

/// JMH-style average time per iteration, median over iterations: see the file comment.
/// Returns ns per operation.
fn measure(warmup: u32, iters: u32, iter: Duration, ops_per_call: u64, mut op: impl FnMut()) -> f64 {
    let mut scores = Vec::new();
    for i in 0..warmup + iters {
        let done = Arc::new(AtomicBool::new(false));
        let flag = done.clone();
        let timer = std::thread::spawn(move || {
            std::thread::sleep(iter);
            flag.store(true, Ordering::Release);
        });
        let mut ops = 0u64;
        let start = Instant::now();
        while !done.load(Ordering::Acquire) {
            op();
            ops += 1;
        }
        let elapsed = start.elapsed();
        timer.join().unwrap();
        if i >= warmup {
            scores.push(elapsed.as_nanos() as f64 / (ops * ops_per_call) as f64);
        }
    }
    median(&mut scores)
}

/// The median of the iterations' scores (the report takes the same of JMH's iterations): one
/// iteration disturbed by other load on the machine does not move it.
fn median(scores: &mut [f64]) -> f64 {
    scores.sort_by(f64::total_cmp);
    let n = scores.len();
    if n % 2 == 1 { scores[n / 2] } else { (scores[n / 2 - 1] + scores[n / 2]) / 2.0 }
}

fn slots<const N: usize>() -> [Val; N] {
    [Val { v128: [0; 16] }; N]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 6 {
        eprintln!("usage: {} ARTIFACT_DIR ARCH WARMUP_ITERS MEASURE_ITERS ITER_MS [MEASURE_PREFIX]", args[0]);
        std::process::exit(2);
    }
    let (dir, arch) = (&args[1], &args[2]);
    let warmup: u32 = args[3].parse().expect("WARMUP_ITERS");
    let iters: u32 = args[4].parse().expect("MEASURE_ITERS");
    let iter = Duration::from_millis(args[5].parse().expect("ITER_MS"));
    let prefix = args.get(6).map(String::as_str).unwrap_or("");
    let profiles = [(0u32, "native"), (1, "native-signals"), (2, "pulley")];
    for profile in profiles {
        let target = if profile.0 == 2 { "pulley64" } else { arch.as_str() };
        let subject = format!("wasmtime-rust:{}", profile.1);
        // op returns its result's bits; show turns them into the printed result once.
        let run = |name: &str, per: u64, show: &dyn Fn(u64) -> String, op: &mut dyn FnMut() -> u64| {
            if !name.starts_with(prefix) {
                return;
            }
            let result = show(op());
            let ns = measure(warmup, iters, iter, per, || {
                black_box(op());
            });
            println!("{name}\t{subject}\t{ns:.3}\t{result}");
        };
        let int = |v: u64| format!("{}", v as i32);
        let long = |v: u64| format!("{}", v as i64);
        let none = |_: u64| "-".to_string();
        let w = Loaded::new(dir, "workloads", profile, target);
        let f = |n: &str| w.export(n);
        let (sha, fill, mm, sv, fb, so, add, sum4, host, page_fill) = (
            f("sha256"), f("sha256_fill"), f("matmul"), f("sieve"), f("fib"), f("sort"), f("add"), f("sum4"),
            f("host_loop"), f("page_fill"),
        );
        let mut s = slots::<2>();
        s[0].i32 = 1;
        w.call(fill, &mut s);
        run("compute.sha256", 1, &|v| format!("{:08x}", v as u32), &mut || {
            let mut s = slots::<1>();
            w.call(sha, &mut s);
            (unsafe { s[0].i32 }) as u32 as u64
        });
        run("compute.matmul", 1, &|v| format!("{}", f64::from_bits(v)), &mut || {
            let mut s = slots::<1>();
            w.call(mm, &mut s);
            unsafe { s[0].f64 }
        });
        run("compute.sieve", 1, &int, &mut || {
            let mut s = slots::<1>();
            s[0].i32 = 2_000_000;
            w.call(sv, &mut s);
            (unsafe { s[0].i32 }) as u32 as u64
        });
        run("compute.fib", 1, &int, &mut || {
            let mut s = slots::<1>();
            s[0].i32 = 27;
            w.call(fb, &mut s);
            (unsafe { s[0].i32 }) as u32 as u64
        });
        run("compute.sort", 1, &int, &mut || {
            let mut s = slots::<2>();
            s[0].i32 = 262_144;
            s[1].i32 = 7;
            w.call(so, &mut s);
            (unsafe { s[0].i32 }) as u32 as u64
        });
        let mut x = 0i32;
        run("call.i32x2", 1, &none, &mut || {
            let mut s = slots::<2>();
            s[0].i32 = x;
            s[1].i32 = 1;
            w.call(add, &mut s);
            x = unsafe { s[0].i32 };
            x as u64
        });
        run("call.i64x4", 1, &long, &mut || {
            let mut s = slots::<4>();
            for (i, v) in s.iter_mut().enumerate() {
                v.i64 = i as i64 + 1;
            }
            w.call(sum4, &mut s);
            (unsafe { s[0].i64 }) as u64
        });
        run("call.host", 1000, &int, &mut || {
            let mut s = slots::<2>();
            s[0].i32 = 1000;
            s[1].i32 = 0;
            w.call(host, &mut s);
            (unsafe { s[0].i32 }) as u32 as u64
        });
        let mut s = slots::<1>();
        s[0].i32 = 3;
        w.call(page_fill, &mut s);
        let page = unsafe { s[0].i32 } as usize;
        let memory = w.export("memory");
        let mut buf = vec![0u8; 4096];
        // The printed result, the bytes' sum, is computed once, outside the measured loop.
        let page_sum = |_: u64| {
            let (mut base, mut size) = (std::ptr::null_mut(), 0usize);
            check(unsafe { nsw_memory_data(w.ctx, memory, &mut base, &mut size) }, "memory");
            let bytes = unsafe { std::slice::from_raw_parts(base.add(page), 4096) };
            format!("{}", bytes.iter().map(|&b| b as u64).sum::<u64>())
        };
        run("memory.read4k", 1, &page_sum, &mut || {
            let (mut base, mut size) = (std::ptr::null_mut(), 0usize);
            check(unsafe { nsw_memory_data(w.ctx, memory, &mut base, &mut size) }, "memory");
            assert!(page + 4096 <= size);
            unsafe { std::ptr::copy_nonoverlapping(base.add(page), buf.as_mut_ptr(), 4096) };
            buf[4095] as u64
        });
        let small = Loaded::new(dir, "small", profile, target);
        run("instantiate.small", 1, &none, &mut || {
            small.instantiate_once();
            0
        });
        let data = Loaded::new(dir, "data1m", profile, target);
        run("instantiate.data1m", 1, &none, &mut || {
            data.instantiate_once();
            0
        });
        // The handles live until the process ends: nothing here is measured on teardown.
        let _ = (w.store, small.store, data.store);
    }
}

;; A command whose _start traps (WasiEndToEndTest: the trap reaches the caller as a trap).
(module
  (import "wasi_snapshot_preview1" "sched_yield" (func $sched_yield (result i32)))
  (memory (export "memory") 1)
  (func (export "_start") unreachable))

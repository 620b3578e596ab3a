;; A command whose _start returns without proc_exit (WasiEndToEndTest: exit code 0).
(module
  (import "wasi_snapshot_preview1" "sched_yield" (func $sched_yield (result i32)))
  (memory (export "memory") 1)
  (func (export "_start") (drop (call $sched_yield))))

;; A module that imports WASI but has no _start (WasiEndToEndTest: Wasi.run refuses it).
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_initialize")))

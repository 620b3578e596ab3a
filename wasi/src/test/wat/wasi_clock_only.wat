;; One WASI import, called from an export of the same name (WasiCallAllocationTest: the same
;; call with a minimal host function in its place measures what the runtime itself allocates).
(module
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "clock_time_get") (param i32 i64 i32) (result i32)
    (call $clock_time_get (local.get 0) (local.get 1) (local.get 2))))

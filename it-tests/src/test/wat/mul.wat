;; Exports "multiply" with the type host_fn.wat imports (for Linker.defineInstance).
(module
  (func (export "multiply") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.mul))

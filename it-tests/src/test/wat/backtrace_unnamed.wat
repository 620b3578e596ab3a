;; The same call chain as backtrace_named.wat without any $id: the module has no name
;; section, so frames carry indices only (0 -> 1 -> 2, 2 traps).
(module
  (func (export "run")
    call 1)
  (func
    call 2)
  (func
    unreachable))

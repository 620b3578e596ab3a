;; Three named functions, outer -> middle -> inner, inner traps (BacktraceSuite).
;; The import comes first in the function index space: outer is 1, middle 2, inner 3.
(module
  (import "host" "fail" (func $host_fail))
  (func $outer (export "run")
    call $middle)
  (func $middle
    call $inner)
  (func $inner
    unreachable)
  ;; via_host -> host_fail: a host function that throws, called from wasm.
  (func $via_host (export "via_host")
    call $host_fail)
  (func $recurse (export "recurse") (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add
    call $recurse))

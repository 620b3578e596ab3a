;; Imports a mutable i64 and an immutable i32 global (made by the store in Java).
(module
  (import "env" "counter" (global $counter (mut i64)))
  (import "env" "base" (global $base i32))
  ;; counter += by; returns the new value
  (func (export "bump") (param i64) (result i64)
    global.get $counter
    local.get 0
    i64.add
    global.set $counter
    global.get $counter)
  (func (export "base") (result i32)
    global.get $base))

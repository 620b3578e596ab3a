;; wasm -> host -> wasm: outer(x) == callback(x) + 1, where the host's callback calls
;; inner(x), which traps (unreachable) for x == 0 and is x * 10 otherwise.
(module
  (import "host" "callback" (func $callback (param i32) (result i32)))
  (func (export "outer") (param i32) (result i32)
    local.get 0
    call $callback
    i32.const 1
    i32.add)
  (func (export "inner") (param i32) (result i32)
    local.get 0
    i32.eqz
    if
      unreachable
    end
    local.get 0
    i32.const 10
    i32.mul))

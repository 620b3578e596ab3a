;; One way to trap per trap code the suites check, and div as a working function.
(module
  (type $ii (func (param i32) (result i32)))
  (memory (export "memory") 1 4)
  (table 2 funcref)
  (elem (i32.const 0) $noop)
  (func $noop)
  (func (export "unreachable") unreachable)
  (func (export "div") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.div_s)
  (func (export "load") (param i32) (result i32)
    local.get 0
    i32.load)
  (func (export "store") (param i32 i32)
    local.get 0
    local.get 1
    i32.store)
  ;; table[index](5) with type (i32) -> i32: [0] is () -> (), [1] is null, [2..] out of bounds
  (func (export "call_indirect") (param i32) (result i32)
    i32.const 5
    local.get 0
    call_indirect (type $ii))
  (func $recurse (export "recurse") (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add
    call $recurse))

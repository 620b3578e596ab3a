(module
  (memory (export "memory") 1 4)
  (func (export "unreachable") unreachable)
  (func (export "div") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.div_s)
  (func (export "load") (param i32) (result i32)
    local.get 0
    i32.load)
  (func $recurse (export "recurse") (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add
    call $recurse)
  (func (export "grow") (param i32) (result i32)
    local.get 0
    memory.grow))

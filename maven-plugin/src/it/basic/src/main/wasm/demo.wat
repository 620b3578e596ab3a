(module
  (import "host" "multiply" (func $multiply (param i32 i32) (result i32)))
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add)
  (func (export "square") (param i32) (result i32)
    local.get 0
    local.get 0
    call $multiply))

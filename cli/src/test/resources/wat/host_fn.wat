;; Seed scenario 3: a * b + c, the multiplication done by the host:
;; add_and_mul(2, 3, 4) == 10.
(module
  (import "host" "multiply" (func $multiply (param i32 i32) (result i32)))
  (func (export "add_and_mul") (param i32 i32 i32) (result i32)
    local.get 0
    local.get 1
    call $multiply
    local.get 2
    i32.add))

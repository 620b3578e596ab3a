;; Imports its memory (made by the store in Java).
(module
  (import "env" "memory" (memory 1 2))
  (func (export "load8") (param i32) (result i32)
    local.get 0
    i32.load8_u)
  (func (export "store8") (param i32 i32)
    local.get 0
    local.get 1
    i32.store8)
  (func (export "size") (result i32)
    memory.size))

;; Growth from wasm against the store's limits: a table and three memories (c has a maximum).
(module
  (table $t (export "table") 1 funcref)
  (memory $a (export "a") 1)
  (memory $b (export "b") 1)
  (memory $c (export "c") 1 2)
  (func (export "grow_table") (param i32) (result i32)
    (table.grow $t (ref.null func) (local.get 0)))
  (func (export "grow_a") (param i32) (result i32)
    (memory.grow $a (local.get 0)))
  (func (export "grow_b") (param i32) (result i32)
    (memory.grow $b (local.get 0))))

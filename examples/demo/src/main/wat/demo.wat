;; The demo module: one pure export and one that calls back into the JVM.
(module
  ;; Provided by the embedder: Demo.java defines it as a Java lambda.
  (import "host" "multiply" (func $multiply (param i32 i32) (result i32)))

  ;; add(2, 3) == 5
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add)

  ;; a * b + c, the multiplication done by the host: add_and_mul(2, 3, 4) == 10
  (func (export "add_and_mul") (param i32 i32 i32) (result i32)
    local.get 0
    local.get 1
    call $multiply
    local.get 2
    i32.add))

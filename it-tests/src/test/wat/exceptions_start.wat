;; A start function that throws: instantiation ends with UncaughtWasmException.
(module
  (tag $boom (param i64))
  (func $start (throw $boom (i64.const 42)))
  (start $start))

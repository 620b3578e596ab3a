;; The stateful API fuzzer's module with a start function: instantiating it runs the host import
;; "fuzz" "start" while the linker is instantiating (src/test/java/dev/nostdwasm/it/fuzz/stateful/).
(module
  (import "fuzz" "start" (func $start))
  (func $run
    call $start)
  (start $run))

;; The end-to-end WASI program (WasiEndToEndTest): writes "hello\n" to stdout, copies the
;; preopened file input.txt (fd 3) to stdout, checks that bad input gets its errno (a path out of
;; the preopen: PERM; a bad fd: BADF; an out-of-bounds pointer would trap, see Preview1Test), and
;; ends with proc_exit(3). A failed check exits with 90 + its number instead.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  ;; iovecs: "hello\n", the read buffer
  (data (i32.const 0) "\64\00\00\00\06\00\00\00")
  (data (i32.const 8) "\c8\00\00\00\40\00\00\00")
  (data (i32.const 100) "hello\n")
  (data (i32.const 120) "input.txt")
  (data (i32.const 140) "../escape")

  (func $expect (param $got i32) (param $want i32) (param $check i32)
    (if (i32.ne (local.get $got) (local.get $want))
      (then (call $proc_exit (i32.add (i32.const 90) (local.get $check))))))

  (func (export "_start")
    (local $fd i32)
    ;; hello
    (call $expect (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 16)) (i32.const 0) (i32.const 1))
    ;; open input.txt for reading (rights: fd_read) and copy it to stdout
    (call $expect
      (call $path_open (i32.const 3) (i32.const 0) (i32.const 120) (i32.const 9) (i32.const 0)
        (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 20))
      (i32.const 0) (i32.const 2))
    (local.set $fd (i32.load (i32.const 20)))
    (call $expect (call $fd_read (local.get $fd) (i32.const 8) (i32.const 1) (i32.const 16)) (i32.const 0) (i32.const 3))
    ;; iovec at 32: the buffer with the length read
    (i32.store (i32.const 32) (i32.const 200))
    (i32.store (i32.const 36) (i32.load (i32.const 16)))
    (call $expect (call $fd_write (i32.const 1) (i32.const 32) (i32.const 1) (i32.const 16)) (i32.const 0) (i32.const 4))
    ;; bad input: PERM (63), BADF (8)
    (call $expect
      (call $path_open (i32.const 3) (i32.const 0) (i32.const 140) (i32.const 9) (i32.const 0)
        (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 20))
      (i32.const 63) (i32.const 6))
    (call $expect (call $fd_write (i32.const 77) (i32.const 0) (i32.const 1) (i32.const 16)) (i32.const 8) (i32.const 7))
    (call $proc_exit (i32.const 3))
    unreachable))

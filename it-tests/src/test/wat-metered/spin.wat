;; Compiled with --fuel --epoch: runs until fuel or the epoch deadline stops it.
(module
  (func (export "spin")
    (loop $forever
      br $forever)))

// Timeline enhancements (load more without losing place). Pages work without it.

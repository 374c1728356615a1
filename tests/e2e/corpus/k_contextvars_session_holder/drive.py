import e2e_support
import show

show.main(e2e_support.viewer.join)

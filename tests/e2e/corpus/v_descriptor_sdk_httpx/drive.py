import e2e_support
from presenter import Presenter

presenter = Presenter()
url, token = presenter.open()
e2e_support.viewer.join(url, token)
presenter.present()
presenter.close()
assert presenter.session is None

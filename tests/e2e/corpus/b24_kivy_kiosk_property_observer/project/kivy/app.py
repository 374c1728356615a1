class App:
    title = "Kivy"

    def build(self):
        raise NotImplementedError

    def run(self):
        self.root = self.build()
        self.on_start()

    def on_start(self):
        pass

    def on_stop(self):
        pass

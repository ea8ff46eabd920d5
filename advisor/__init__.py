"""advisor: learn, decide on and quiz yourself about advanced distributed-systems technology."""

__version__ = "0.1.0"

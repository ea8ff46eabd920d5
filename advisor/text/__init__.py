"""Small pure text helpers every layer may use: they import nothing else from advisor."""

"""Networks and experiments as plain data, and everything that reads only that data.

experiment (the project's dataclasses and JSON), catalog (every layer's parameter schema), options (each
family's settings, in the same schema), build (spec -> keras.Model and the shape report Keras computes),
joins (checks between the networks of one experiment), presets (the palette's registry).
"""

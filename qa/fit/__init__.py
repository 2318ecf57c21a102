"""Fitting the engine's models on data (``python -m qa.fit``); needs scikit-learn."""

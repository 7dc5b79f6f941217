"""Scripts that measure and print; never part of the test run's pass or fail."""

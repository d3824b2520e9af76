"""Housing options advice: the answers a person gives, the council's figures, and the advice that follows."""

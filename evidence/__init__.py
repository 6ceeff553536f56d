"""Evidence from real service: scored contacts, mystery-shopper rounds and customer feedback, beside
training results and feeding back into what each person is assigned."""

"""Claims: quantities, attributed statements and status claims about people, from page text and list rows."""

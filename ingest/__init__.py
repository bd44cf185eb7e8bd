"""Turning files into page texts: sniffing, one parser per format, the drop-folder batch."""

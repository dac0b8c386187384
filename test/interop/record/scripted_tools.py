"""The real tool functions of the agno recordings (agno 1.x, 2.x and 3.x share `agno.tools.tool`)."""

from agno.tools import tool


def get_weather(city: str) -> str:
    """Get the current weather of a city.

    Args:
        city: the city's name.
    """
    return f"Sunny, 21 degrees in {city}"


def get_stock_price(symbol: str) -> str:
    """Get the price of a stock.

    Args:
        symbol: the ticker symbol.
    """
    raise RuntimeError(f"The quote service is down for {symbol}")


@tool(requires_confirmation=True)
def delete_file(path: str) -> str:
    """Delete a file.

    Args:
        path: the file to delete.
    """
    return f"Deleted {path}"


@tool(requires_user_input=True, user_input_fields=["recipient"])
def send_email(subject: str, recipient: str = "") -> str:
    """Send an email.

    Args:
        subject: the subject line.
        recipient: the address to send to.
    """
    return f"Sent '{subject}' to {recipient}"


@tool(external_execution=True)
def run_shell(command: str) -> str:
    """Run a shell command on the user's machine.

    Args:
        command: the command line.
    """
    return ""

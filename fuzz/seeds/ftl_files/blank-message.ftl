error-EntityNotFound = { "" }
error-FileNotFound = Nie znaleziono pliku.
    .note = { " " }

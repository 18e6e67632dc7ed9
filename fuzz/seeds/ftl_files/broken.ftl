validation-TextMaxLengthMismatch = { $maxLength ->
    [one] a
   *[other] b
}
broken = {
//! A code as read from the wire: known to this version of the catalog, or kept as received.

use core::fmt;
use core::str::FromStr;

use crate::{AnyCode, CatalogCode, ErrorCode, ValidationErrorCode};

/// A code read from a response, forward compatible with newer servers.
///
/// A name this version of the catalog does not know is kept, not rejected, so a client built
/// today still reads (and passes on) the codes a server adds tomorrow.
///
/// ```
/// use omnia_errors::{ErrorCode, WireCode};
///
/// let known = WireCode::<ErrorCode>::from("EntityNotFound");
/// assert_eq!(known.known(), Some(ErrorCode::EntityNotFound));
///
/// let newer = WireCode::<ErrorCode>::from("QuotaExceeded");
/// assert_eq!(newer.known(), None);
/// assert_eq!(newer.as_str(), "QuotaExceeded");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum WireCode<C> {
    /// A code of this version of the catalog.
    Known(C),
    /// Any other name, exactly as received.
    Unknown(String),
}

impl<C: CatalogCode> WireCode<C> {
    /// The name as it travels on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Known(code) => code.info().name,
            Self::Unknown(name) => name,
        }
    }

    /// The known code, if it is one.
    pub fn known(&self) -> Option<C> {
        match self {
            Self::Known(code) => Some(*code),
            Self::Unknown(_) => None,
        }
    }

    /// The known code, or the error a typed error's reading gives for an unknown one.
    pub(crate) fn known_or_not_in_catalog(&self) -> Result<C, crate::ParamError> {
        match self {
            Self::Known(code) => Ok(*code),
            Self::Unknown(code) => Err(crate::ParamError::NotInCatalog { code: code.clone() }),
        }
    }
}

impl<C: CatalogCode> From<&str> for WireCode<C> {
    fn from(name: &str) -> Self {
        // `from_name`, not `from_str`: an unknown code is expected here, not worth a suggestion.
        C::from_name(name).map_or_else(|| Self::Unknown(name.to_owned()), Self::Known)
    }
}

impl<C: CatalogCode> From<String> for WireCode<C> {
    fn from(name: String) -> Self {
        C::from_name(&name).map_or(Self::Unknown(name), Self::Known)
    }
}

impl<C> From<C> for WireCode<C> {
    fn from(code: C) -> Self {
        Self::Known(code)
    }
}

/// A code of either catalog as read from the wire, e.g. for
/// `omnia_errors_fluent::Language::message_for`: a body's or an item's code converts as it is.
///
/// ```
/// use omnia_errors::{AnyCode, ErrorBody, ErrorCode, WireCode};
///
/// let body: ErrorBody = serde_json::from_str(r#"{"code":"FileNotFound","message":"Gone."}"#)?;
/// let code = WireCode::<AnyCode>::from(&body.code);
/// assert_eq!(code, WireCode::Known(AnyCode::Api(ErrorCode::FileNotFound)));
/// # Ok::<(), serde_json::Error>(())
/// ```
macro_rules! into_any_code {
    ($($Code:ty),*) => {$(
        impl From<$Code> for WireCode<AnyCode> {
            fn from(code: $Code) -> Self {
                Self::Known(code.into())
            }
        }

        impl From<WireCode<$Code>> for WireCode<AnyCode> {
            fn from(code: WireCode<$Code>) -> Self {
                match code {
                    WireCode::Known(code) => Self::Known(code.into()),
                    WireCode::Unknown(name) => Self::Unknown(name),
                }
            }
        }

        impl From<&WireCode<$Code>> for WireCode<AnyCode> {
            fn from(code: &WireCode<$Code>) -> Self {
                match code {
                    WireCode::Known(code) => Self::Known((*code).into()),
                    WireCode::Unknown(name) => Self::Unknown(name.clone()),
                }
            }
        }
    )*};
}

into_any_code!(ErrorCode, ValidationErrorCode);

impl<C: CatalogCode> PartialEq<C> for WireCode<C> {
    fn eq(&self, other: &C) -> bool {
        self.known() == Some(*other)
    }
}

impl<C: CatalogCode> fmt::Display for WireCode<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<C: CatalogCode> FromStr for WireCode<C> {
    type Err = core::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(s.into())
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    use core::fmt;
    use core::marker::PhantomData;

    use serde::de::{self, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::WireCode;
    use crate::{CatalogCode, ErrorCode, ValidationErrorCode};

    impl<C: CatalogCode> Serialize for WireCode<C> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    struct CodeVisitor<T>(PhantomData<T>);

    impl<C: CatalogCode> Visitor<'_> for CodeVisitor<WireCode<C>> {
        type Value = WireCode<C>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a {} as a string", C::CATALOG.describe())
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(v.into())
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(v.into())
        }
    }

    impl<'de, C: CatalogCode> Deserialize<'de> for WireCode<C> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_str(CodeVisitor::<Self>(PhantomData))
        }
    }

    // The strict codes: an unknown name is an error that says what would be right.
    macro_rules! strict_serde {
        ($($Code:ty),*) => {$(
            impl Serialize for $Code {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }

            impl Visitor<'_> for CodeVisitor<$Code> {
                type Value = $Code;

                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    write!(f, "a {} as a string", <$Code as CatalogCode>::CATALOG.describe())
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<$Code, E> {
                    v.parse().map_err(E::custom)
                }
            }

            impl<'de> Deserialize<'de> for $Code {
                fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    d.deserialize_str(CodeVisitor::<Self>(PhantomData))
                }
            }
        )*};
    }

    strict_serde!(ErrorCode, ValidationErrorCode);
}

//! What the catalog knows about a code, in a form generic code (the localizer, the docs
//! generator, the consistency checks) can iterate over.

use core::fmt;
use core::hash::Hash;
use core::str::FromStr;

use crate::{ErrorCode, UnknownCode, ValidationErrorCode};

/// The two tables of the published page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Catalog {
    /// API error codes: the `code` of an error response, each with an HTTP status.
    Api,
    /// "Validation Failed" error codes: the `code` of an item of a `ValidationFailed` body.
    Validation,
}

impl Catalog {
    /// Both catalogs, in page order.
    pub const ALL: [Self; 2] = [Self::Api, Self::Validation];

    /// A short human name, used in error messages.
    pub const fn describe(self) -> &'static str {
        match self {
            Self::Api => "API error code",
            Self::Validation => "validation error code",
        }
    }

    /// The table's name on the published page, in plural.
    pub const fn plural(self) -> &'static str {
        match self {
            Self::Api => "API error codes",
            Self::Validation => "\"Validation Failed\" error codes",
        }
    }
}

/// Where a code is in its life. Published codes are never removed (clients may still receive
/// them from older servers); they are deprecated, then retired.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lifecycle {
    /// In use.
    #[default]
    Active,
    /// Still returned, but being phased out; clients should stop relying on it.
    Deprecated,
    /// No longer returned by current servers; kept so that older responses stay readable.
    Retired,
}

impl Lifecycle {
    /// The lowercase name, as the code registry writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Deprecated => "deprecated",
            Self::Retired => "retired",
        }
    }
}

/// The type of a message parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamKind {
    /// An unsigned integer (a length, a limit), formatted with the locale's digits and grouping.
    Number,
    /// A text inserted as it is (an attribute path, a value, a type name, a message).
    Text,
}

impl ParamKind {
    /// The JSON type name of this kind, for error messages and schemas.
    pub const fn json_type(self) -> &'static str {
        match self {
            Self::Number => "integer",
            Self::Text => "string",
        }
    }
}

/// One parameter of a code's message, as declared in the catalog table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParamSpec {
    /// The Fluent variable name (`$maxLength`) and the key in the JSON `parameters` object.
    pub name: &'static str,
    /// The value's type.
    pub kind: ParamKind,
    /// Required parameters appear in the generic message and must be given to build the
    /// error; optional ones only enable the contextual variant of the message.
    pub required: bool,
}

/// A borrowed parameter value, as handed to a formatter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamRef<'a> {
    /// A number parameter.
    Number(u64),
    /// A text parameter.
    Text(&'a str),
}

/// What the catalog table says of one code: one `&'static` row, which every accessor of
/// [`ErrorCode`], [`ValidationErrorCode`] and [`AnyCode`] reads.
///
/// ```
/// use omnia_errors::{Catalog, ErrorCode};
///
/// let row = ErrorCode::EntityNotFound.info();
/// assert_eq!((row.name, row.status, row.catalog), ("EntityNotFound", Some(404), Catalog::Api));
/// assert_eq!(row.fluent_id, "error-EntityNotFound");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CodeInfo {
    /// The wire name: the JSON `code`.
    pub name: &'static str,
    /// The id of the code's message in `locales/<tag>/errors.ftl`.
    pub fluent_id: &'static str,
    /// The table the code is in.
    pub catalog: Catalog,
    /// The HTTP status of an API error code; `None` for validation codes.
    pub status: Option<u16>,
    /// The parameters of the code's message, in declaration order.
    pub params: &'static [ParamSpec],
    /// Whether the code is current, deprecated or retired.
    pub lifecycle: Lifecycle,
    /// Whether the documentation page appends the message's `.note`.
    pub doc_note: bool,
}

/// Implemented by [`ErrorCode`] and [`ValidationErrorCode`]: what generic code needs of a code.
/// Everything but the list and the lookup by name is the code's [`CodeInfo`] row.
pub trait CatalogCode:
    Copy + Eq + Hash + fmt::Debug + fmt::Display + FromStr<Err = UnknownCode> + Into<AnyCode> + 'static
{
    /// The catalog whose codes implement this.
    const CATALOG: Catalog;
    /// Every code, in page order.
    fn all() -> &'static [Self];
    /// The code's row of the table.
    fn info(self) -> &'static CodeInfo;
    /// The code of a wire name, if it is one.
    fn from_name(name: &str) -> Option<Self>;
}

/// Implemented by [`ApiError`](crate::ApiError) and
/// [`ValidationError`](crate::ValidationError): a code with its parameter values.
pub trait CatalogError {
    /// The code type.
    type Code: CatalogCode;
    /// The code.
    fn code(&self) -> Self::Code;
    /// Calls `visit` with every present parameter, in declaration order.
    fn visit_params<'e>(&'e self, visit: &mut dyn FnMut(&'static str, ParamRef<'e>));

    /// The value of the parameter at `index` of the code's declared parameters
    /// ([`CodeInfo::params`]), if it is present: what a formatter that knows parameters by
    /// position asks. The catalog's errors answer with one `match`; this default asks
    /// [`visit_params`](Self::visit_params).
    ///
    /// ```
    /// use omnia_errors::{CatalogError, ParamRef, ValidationError};
    ///
    /// let error = ValidationError::TextMaxLengthMismatch { max_length: 50 };
    /// assert_eq!(CatalogError::param(&error, 0), Some(ParamRef::Number(50)));
    /// assert_eq!(CatalogError::param(&error, 1), None);
    /// ```
    fn param(&self, index: usize) -> Option<ParamRef<'_>> {
        let name = self.code().info().params.get(index)?.name;
        let mut found = None;
        self.visit_params(&mut |visited, value| {
            if visited == name {
                found = Some(value);
            }
        });
        found
    }

    /// Whether every optional parameter is present, so the contextual variant of the message
    /// (the Fluent `.context` attribute) can be used. `false` for codes without optional ones.
    ///
    /// An optional text that is empty or only whitespace counts as absent: the contextual
    /// message would otherwise end in a dangling "…in Connector: " with nothing after it,
    /// which tells the reader less than the generic message. Numbers are always meaningful
    /// (a limit of 0 is a limit).
    fn has_context(&self) -> bool {
        let specs = self.code().info().params;
        let optional = specs.iter().filter(|p| !p.required).count();
        if optional == 0 {
            return false;
        }
        let mut present = 0;
        self.visit_params(&mut |name, value| {
            let meaningful = match value {
                ParamRef::Number(_) => true,
                ParamRef::Text(text) => !text.trim().is_empty(),
            };
            if meaningful && specs.iter().any(|p| p.name == name && !p.required) {
                present += 1;
            }
        });
        present == optional
    }
}

/// A code of either catalog, for code that walks the whole page.
///
/// ```
/// use omnia_errors::AnyCode;
///
/// assert_eq!(AnyCode::all().count(), AnyCode::COUNT);
/// let first = AnyCode::all().next().unwrap();
/// assert_eq!(first.as_str(), "BehaviourFailed");
/// assert_eq!(first.http_status(), Some(400));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnyCode {
    /// An API error code.
    Api(ErrorCode),
    /// A validation error code.
    Validation(ValidationErrorCode),
}

impl AnyCode {
    /// The number of codes in both catalogs.
    pub const COUNT: usize = ErrorCode::ALL.len() + ValidationErrorCode::ALL.len();

    /// The position of this code in [`AnyCode::all`], for tables indexed by code.
    #[inline]
    pub const fn index(self) -> usize {
        match self {
            Self::Api(c) => c.index(),
            Self::Validation(c) => ErrorCode::ALL.len() + c.index(),
        }
    }

    /// Every code of both catalogs, in page order (API codes first).
    pub fn all() -> impl Iterator<Item = AnyCode> + Clone {
        let api = ErrorCode::ALL.iter().map(|&code| Self::Api(code));
        api.chain(
            ValidationErrorCode::ALL
                .iter()
                .map(|&code| Self::Validation(code)),
        )
    }

    /// Finds the code with this wire name in either catalog.
    ///
    /// # Errors
    ///
    /// [`UnknownCode`] naming the input and the closest known code of either catalog.
    pub fn parse(name: &str) -> Result<Self, UnknownCode> {
        Self::from_name(name).ok_or_else(|| UnknownCode::new_any(name))
    }

    /// The code with this wire name in either catalog, if it is one: [`parse`](Self::parse)
    /// without the error and its "did you mean" search, for callers that only ask.
    pub fn from_name(name: &str) -> Option<Self> {
        ErrorCode::from_name(name)
            .map(Self::Api)
            .or_else(|| ValidationErrorCode::from_name(name).map(Self::Validation))
    }

    /// The code's row of the table.
    #[inline]
    pub const fn info(self) -> &'static CodeInfo {
        match self {
            Self::Api(c) => c.info(),
            Self::Validation(c) => c.info(),
        }
    }

    crate::define::row_accessors!();

    /// The HTTP status of an API error code; `None` for validation codes, which travel inside a
    /// `ValidationFailed` (400) response.
    pub const fn http_status(self) -> Option<u16> {
        self.info().status
    }
}

impl fmt::Display for AnyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

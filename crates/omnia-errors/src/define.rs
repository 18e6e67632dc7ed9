//! The macro that expands a catalog table (see `catalog.rs`) into its code enum and typed enum.
//!
//! Kept apart from the table so that the table reads as data.

/// Rust type of a parameter field: `required Number` is `u64`, `optional Text` is
/// `Option<String>`, and so on.
macro_rules! param_ty {
    (required Number) => { u64 };
    (optional Number) => { ::core::option::Option<u64> };
    (required Text) => { ::std::string::String };
    (optional Text) => { ::core::option::Option<::std::string::String> };
}

/// A field's value as a [`ParamRef`](crate::ParamRef), `None` when an optional one is absent.
macro_rules! param_arg {
    (required Number, $field:ident) => {
        Some($crate::ParamRef::Number(*$field))
    };
    (optional Number, $field:ident) => {
        $field.map($crate::ParamRef::Number)
    };
    (required Text, $field:ident) => {
        Some($crate::ParamRef::Text($field.as_str()))
    };
    (optional Text, $field:ident) => {
        $field.as_deref().map($crate::ParamRef::Text)
    };
}

/// Reads a field from wire [`Parameters`](crate::Parameters), failing on a missing required one
/// or a value of the wrong type.
macro_rules! param_get {
    (required Number, $params:ident, $code:expr, $wire:literal) => {
        $crate::params::required($params.number($code, $wire)?, $code, $wire)?
    };
    (optional Number, $params:ident, $code:expr, $wire:literal) => {
        $params.number($code, $wire)?
    };
    (required Text, $params:ident, $code:expr, $wire:literal) => {
        $crate::params::required($params.text($code, $wire)?, $code, $wire)?
    };
    (optional Text, $params:ident, $code:expr, $wire:literal) => {
        $params.text($code, $wire)?
    };
}

/// `true` for `required`, `false` for `optional`; anything else does not compile.
macro_rules! is_required {
    (required) => {
        true
    };
    (optional) => {
        false
    };
}

/// What one flag of a row sets: `note` (the page appends a documentation note),
/// `deprecated` or `retired` (the code's lifecycle). Any other flag does not compile.
macro_rules! flag {
    (note, note) => {
        true
    };
    (note, deprecated) => {
        false
    };
    (note, retired) => {
        false
    };
    (lifecycle, note) => {
        None
    };
    (lifecycle, deprecated) => {
        Some(Lifecycle::Deprecated)
    };
    (lifecycle, retired) => {
        Some(Lifecycle::Retired)
    };
}

/// `Some(status)` for a row that declares one.
macro_rules! status {
    () => {
        None
    };
    ($status:literal) => {
        Some($status)
    };
}

/// The accessors every code type has, each reading the code's [`CodeInfo`](crate::CodeInfo)
/// row (`self.info()`): written once, expanded in the code enums and in
/// [`AnyCode`](crate::AnyCode).
macro_rules! row_accessors {
    () => {
        /// The wire name, as it appears in the JSON `code` property. Unique across both
        /// catalogs (a test checks it), it is also the id of this code's row on the error page,
        /// the same in every locale (`omnia3_api_errors.html#EntityNotFound`), which
        /// [`DocsPage::url_of`](crate::DocsPage::url_of) links to.
        pub const fn as_str(self) -> &'static str {
            self.info().name
        }

        /// The id of this code's message in the `locales/<tag>/errors.ftl` files.
        #[inline]
        pub const fn fluent_id(self) -> &'static str {
            self.info().fluent_id
        }

        /// The parameters this code's message takes, in declaration order. Their names are
        /// the Fluent variables and the keys of the JSON `parameters` object.
        #[inline]
        pub const fn params(self) -> &'static [$crate::ParamSpec] {
            self.info().params
        }

        /// Whether the documentation page appends a note (a Fluent `.note` attribute) to
        /// this code's message. The note is documentation, never part of an API response.
        pub const fn has_doc_note(self) -> bool {
            self.info().doc_note
        }

        /// Whether the code is current, deprecated or retired. Published codes are never
        /// removed from the catalog: they are retired, and stay on the page marked so.
        pub const fn lifecycle(self) -> $crate::Lifecycle {
            self.info().lifecycle
        }

        /// The catalog this code belongs to.
        pub const fn catalog(self) -> $crate::Catalog {
            self.info().catalog
        }
    };
}

/// Expands one catalog table. See the module docs of `catalog.rs` for the row syntax.
macro_rules! define_catalog {
    (
        catalog: $any:ident,
        fluent_prefix: $prefix:literal,
        $(#[$code_meta:meta])*
        code: $Code:ident,
        $(#[$typed_meta:meta])*
        typed: $Typed:ident,
        rows: [$(
            $(#[$row_meta:meta])*
            $Variant:ident
            $(= $status:literal)?
            $({ $($field:ident : $req:ident $kind:ident $wire:literal),* $(,)? })?
            $([$($flag:ident),+ $(,)?])?
        ),* $(,)?]
    ) => {
        $(#[$code_meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $Code {
            $( $(#[$row_meta])* $Variant, )*
        }

        impl $Code {
            /// Every code of this catalog, in the order of the published page.
            pub const ALL: &'static [Self] = &[$(Self::$Variant),*];

            /// The position of this code in [`ALL`](Self::ALL), for tables indexed by code.
            #[inline]
            pub const fn index(self) -> usize {
                self as usize
            }

            /// Every code's facts, in the order of [`ALL`](Self::ALL): the one place where the
            /// table's rows are stored; every accessor reads its code's row.
            const INFO: &'static [CodeInfo] = &[$(CodeInfo {
                name: stringify!($Variant),
                fluent_id: concat!($prefix, stringify!($Variant)),
                catalog: Catalog::$any,
                status: status!($($status)?),
                params: &[$($(ParamSpec {
                    name: $wire,
                    kind: ParamKind::$kind,
                    required: is_required!($req),
                }),*)?],
                lifecycle: {
                    #[allow(unused_mut)]
                    let mut lifecycle = Lifecycle::Active;
                    $($(if let Some(l) = flag!(lifecycle, $flag) { lifecycle = l; })+)?
                    lifecycle
                },
                doc_note: false $($(|| flag!(note, $flag))+)?,
            }),*];

            /// The HTTP statuses of the rows that declare one, in row order. For the API table
            /// a compile-time check requires one per row (see `catalog.rs`).
            #[allow(dead_code)] // The validation table declares none.
            const STATUSES: &'static [u16] = &[$($($status,)?)*];

            /// This code's row of the table: wire name, Fluent id, status, parameters,
            /// lifecycle, documentation note.
            #[inline]
            pub const fn info(self) -> &'static CodeInfo {
                &Self::INFO[self as usize]
            }

            $crate::define::row_accessors!();

            /// The code of this wire name, if it is one; [`FromStr`](core::str::FromStr) gives
            /// an error that suggests the closest code instead.
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $(stringify!($Variant) => Some(Self::$Variant),)*
                    _ => None,
                }
            }
        }

        impl ::core::fmt::Display for $Code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for $Code {
            type Err = $crate::UnknownCode;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::from_name(s).ok_or_else(|| $crate::UnknownCode::new(s, Catalog::$any))
            }
        }

        impl $crate::CatalogCode for $Code {
            const CATALOG: Catalog = Catalog::$any;

            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn info(self) -> &'static CodeInfo {
                self.info()
            }
            fn from_name(name: &str) -> Option<Self> {
                Self::from_name(name)
            }
        }

        $(#[$typed_meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $Typed {
            $(
                $(#[$row_meta])*
                $Variant $({ $(
                    #[doc = concat!("The `", $wire, "` parameter.")]
                    $field: param_ty!($req $kind)
                ),* })?,
            )*
        }

        impl $Typed {
            /// The code of this error.
            #[inline]
            pub const fn code(&self) -> $Code {
                match self { $(Self::$Variant { .. } => $Code::$Variant,)* }
            }

            /// Calls `visit` with the name and value of every parameter that is present, in
            /// declaration order. Allocation-free, for formatting on a hot path.
            pub fn visit_params<'e>(&'e self, mut visit: impl FnMut(&'static str, $crate::ParamRef<'e>)) {
                match self {
                    $(
                        #[allow(unused_variables)]
                        Self::$Variant $({ $($field),* })? => {
                            $($(
                                if let Some(value) = param_arg!($req $kind, $field) {
                                    visit($wire, value);
                                }
                            )*)?
                        }
                    )*
                }
            }

            /// The parameters as a wire `parameters` object.
            pub fn parameters(&self) -> Parameters {
                let mut parameters = Parameters::new();
                self.visit_params(|name, value| parameters.insert(name, value.into()));
                parameters
            }

            /// Builds the typed error of `code` from a wire `parameters` object.
            ///
            /// Parameters this code does not declare are ignored here (a newer server may send
            /// more); they stay in the object they came from.
            ///
            /// # Errors
            ///
            /// [`ParamError`] when a required parameter is missing or a parameter has the wrong
            /// type.
            #[allow(unused_variables)]
            pub fn from_parameters(code: $Code, parameters: &Parameters) -> Result<Self, ParamError> {
                Ok(match code {
                    $($Code::$Variant => Self::$Variant $({ $(
                        $field: param_get!($req $kind, parameters, code.as_str(), $wire)
                    ),* })?,)*
                })
            }
        }

        impl $crate::CatalogError for $Typed {
            type Code = $Code;

            #[inline]
            fn code(&self) -> $Code {
                self.code()
            }
            fn visit_params<'e>(&'e self, visit: &mut dyn FnMut(&'static str, $crate::ParamRef<'e>)) {
                self.visit_params(visit);
            }
            // Inlined into a formatter's loop over positions: one match on the variant.
            #[inline]
            fn param(&self, index: usize) -> Option<$crate::ParamRef<'_>> {
                match self {
                    $(
                        #[allow(unused_variables)]
                        Self::$Variant $({ $($field),* })? => {
                            let values: &[Option<$crate::ParamRef<'_>>] =
                                &[$($(param_arg!($req $kind, $field)),*)?];
                            values.get(index).copied().flatten()
                        }
                    )*
                }
            }
        }

        impl From<$Code> for $crate::AnyCode {
            fn from(code: $Code) -> Self {
                $crate::AnyCode::$any(code)
            }
        }
    };
}

pub(crate) use {
    define_catalog, flag, is_required, param_arg, param_get, param_ty, row_accessors, status,
};

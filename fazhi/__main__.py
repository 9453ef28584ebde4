from .cli import main

if __name__ == "__main__":  # worker processes of `fazhi build --jobs` import this module too
    main()
